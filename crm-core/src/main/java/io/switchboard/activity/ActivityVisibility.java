package io.switchboard.activity;

import io.switchboard.contact.VisibilityRule;
import io.switchboard.directory.Directory;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import java.util.Map;

/**
 * Which activities a viewer may see and which they may complete, as SQL on {@code activities a} joined to
 * {@code contacts c}.
 *
 * <ul>
 *   <li>ADMIN and CAMPAIGN_MANAGER see all; only ADMIN may complete anyone's;
 *   <li>SUPERVISOR: the calls of the teams in their scope ({@link Viewer#teams()}) and their own, plus the calls of every contact they may see; they complete
 *       their team's;
 *   <li>AGENT: their own calls, plus the calls of every contact they may see (a pop shows a shared customer's
 *       history); they complete only their own.
 * </ul>
 */
final class ActivityVisibility {

    private final Viewer viewer;
    private final VisibilityRule contacts;

    ActivityVisibility(Viewer viewer) {
        this.viewer = viewer;
        this.contacts = VisibilityRule.of(viewer);
    }

    /** A call the user had a leg of before it was transferred on is theirs to see too (not to close). */
    static final String HAD_A_LEG = "exists (select 1 from activity_legs l join users u on " + Directory.agentSql("u")
            + " = l.agent_extension where l.call_id = a.call_id and u.id = :viewerId)";

    String seeSql() {
        String ownOrTeam = "(" + ownOrTeamSql() + " or " + HAD_A_LEG + ")";
        return switch (viewer.role()) {
            case ADMIN, CAMPAIGN_MANAGER -> "1 = 1";
            case SUPERVISOR, AGENT -> "(" + ownOrTeam + " or (a.contact_id is not null and " + contacts.sql("c") + "))";
        };
    }

    String completeSql() {
        return switch (viewer.role()) {
            case ADMIN -> "1 = 1";
            case CAMPAIGN_MANAGER -> "1 = 0";
            case SUPERVISOR, AGENT -> ownOrTeamSql();
        };
    }

    Map<String, Object> parameters() {
        return contacts.parameters();
    }

    private String ownOrTeamSql() {
        if (viewer.role() == Role.SUPERVISOR && !viewer.teams().isEmpty()) {
            return "(a.agent_id = :viewerId or a.team_id in (:viewerTeams))";
        }
        return "a.agent_id = :viewerId";
    }
}
