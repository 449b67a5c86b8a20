package io.switchboard.ticket;

import io.switchboard.contact.VisibilityRule;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import java.util.Map;

/**
 * Which tickets a viewer may work on and which they may see, as SQL on {@code tickets t} left-joined to
 * {@code contacts c}. Single tickets are checked with the same SQL, so lists and checks cannot drift apart.
 *
 * <ul>
 *   <li>ADMIN: all;
 *   <li>SUPERVISOR: tickets assigned to or opened by anyone of the teams in their scope ({@link Viewer#teams()}:
 *       their own and those they supervise), and the queues (unassigned tickets) of the tiers those teams' members
 *       belong to;
 *   <li>AGENT (and CAMPAIGN_MANAGER, SUPERVISOR without team): tickets assigned to or opened by them, and the
 *       queues of their own tiers.
 * </ul>
 *
 * Everyone also <em>sees</em> (but does not work on) the tickets of every contact they may see: the agent who takes
 * a repeat caller's call must see the ticket another tier holds.
 */
final class TicketVisibility {

    private static final String TEAM_USERS = "(select tu.id from users tu where tu.team_id in (:viewerTeams))";

    private final Viewer viewer;
    private final VisibilityRule contacts;

    TicketVisibility(Viewer viewer) {
        this.viewer = viewer;
        this.contacts = VisibilityRule.of(viewer);
    }

    String workSql() {
        if (viewer.role() == Role.ADMIN) {
            return "1 = 1";
        }
        if (viewer.role() == Role.SUPERVISOR && !viewer.teams().isEmpty()) {
            return "(t.assignee_id in " + TEAM_USERS + " or t.opened_by in " + TEAM_USERS
                    + " or (t.assignee_id is null and t.tier in (select tm.tier from ticket_tier_members tm"
                    + " join users tu on tu.id = tm.user_id where tu.team_id in (:viewerTeams))))";
        }
        return "(t.assignee_id = :viewerId or t.opened_by = :viewerId or (t.assignee_id is null and t.tier in"
                + " (select tm.tier from ticket_tier_members tm where tm.user_id = :viewerId)))";
    }

    String seeSql() {
        if (viewer.role() == Role.ADMIN) {
            return "1 = 1";
        }
        return "(" + workSql() + " or (t.contact_id is not null and " + contacts.sql("c") + "))";
    }

    Map<String, Object> parameters() {
        return contacts.parameters();
    }
}
