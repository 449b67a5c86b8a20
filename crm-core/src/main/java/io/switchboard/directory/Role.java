package io.switchboard.directory;

/** What a user does in the contact centre; decides which contacts and pages they see. */
public enum Role {
    /** Answers and places calls; sees own contacts, contacts the team shares and company-wide ones. */
    AGENT,
    /** Leads a team; sees every contact of the team, private ones included. */
    SUPERVISOR,
    /** Builds and runs outbound campaigns from the whole contact base, so sees every contact. */
    CAMPAIGN_MANAGER,
    /** Runs the system; sees everything. */
    ADMIN
}
