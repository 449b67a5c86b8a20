package io.switchboard.contact;

import io.switchboard.directory.Viewer;
import java.util.Map;

/**
 * Which contacts a viewer may see, once as a predicate on a loaded contact and once as SQL so that searches
 * filter in the database. The two are kept next to each other so they cannot drift apart; the role matrix test
 * checks both.
 *
 * <ul>
 *   <li>ADMIN and CAMPAIGN_MANAGER: every contact (campaign managers build call lists from the whole base);
 *   <li>SUPERVISOR: company-wide contacts, contacts they own, and every contact of the teams in their scope (their
 *       own and those they supervise, {@link Viewer#teams()}), private ones too;
 *   <li>AGENT: company-wide contacts, contacts they own, and contacts their team shares ({@link Visibility#TEAM}).
 * </ul>
 */
public final class VisibilityRule {

    private final Viewer viewer;

    private VisibilityRule(Viewer viewer) {
        this.viewer = viewer;
    }

    public static VisibilityRule of(Viewer viewer) {
        return new VisibilityRule(viewer);
    }

    boolean permits(VisibleContact contact) {
        return switch (viewer.role()) {
            case ADMIN, CAMPAIGN_MANAGER -> true;
            case SUPERVISOR -> contact.visibility() == Visibility.COMPANY || owns(contact) || inTeam(contact);
            case AGENT ->
                contact.visibility() == Visibility.COMPANY
                        || owns(contact)
                        || (inTeam(contact) && contact.visibility() == Visibility.TEAM);
        };
    }

    /**
     * Whether the viewer may delete the contact: admins and campaign managers (who manage the lists) any, a
     * supervisor their team's and company-wide ones, an agent only their own. Editing needs only {@link #permits}.
     */
    boolean mayDelete(VisibleContact contact) {
        return switch (viewer.role()) {
            case ADMIN, CAMPAIGN_MANAGER -> true;
            case SUPERVISOR -> permits(contact);
            case AGENT -> owns(contact);
        };
    }

    /**
     * Whether the viewer may change who owns or sees the contact: its owner, a supervisor of its team, an admin.
     * Anyone who sees a contact may correct it, but making a shared contact private (or giving it away) would hide
     * it from everyone who relies on it, so that is for the people responsible for it.
     */
    boolean mayChangeSharing(VisibleContact contact) {
        return switch (viewer.role()) {
            case ADMIN -> true;
            case SUPERVISOR -> owns(contact) || inTeam(contact);
            case AGENT, CAMPAIGN_MANAGER -> owns(contact);
        };
    }

    /** A SQL condition on the contacts table aliased {@code alias}, using the parameters of {@link #parameters}. */
    public String sql(String alias) {
        String company = alias + ".visibility = 'COMPANY'";
        String owned = alias + ".owner_id = :viewerId";
        String team = alias + ".team_id in (:viewerTeams)";
        return switch (viewer.role()) {
            case ADMIN, CAMPAIGN_MANAGER -> "1 = 1";
            case SUPERVISOR ->
                viewer.teams().isEmpty()
                        ? "(" + company + " or " + owned + ")"
                        : "(" + company + " or " + owned + " or " + team + ")";
            case AGENT ->
                viewer.teams().isEmpty()
                        ? "(" + company + " or " + owned + ")"
                        : "(" + company + " or " + owned + " or (" + team + " and " + alias + ".visibility = 'TEAM'))";
        };
    }

    public Map<String, Object> parameters() {
        return viewer.teams().isEmpty()
                ? Map.of("viewerId", viewer.user().value())
                : Map.of("viewerId", viewer.user().value(), "viewerTeams", viewer.teamIds());
    }

    private boolean owns(VisibleContact contact) {
        return contact.ownerId() != null && contact.ownerId() == viewer.user().value();
    }

    private boolean inTeam(VisibleContact contact) {
        return viewer.inTeam(contact.teamId());
    }
}
