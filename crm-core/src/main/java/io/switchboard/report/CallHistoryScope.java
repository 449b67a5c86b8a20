package io.switchboard.report;

import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import java.util.Map;

/**
 * Whose calls the call history shows: an admin every call, a supervisor the calls of the teams in their scope
 * ({@link Viewer#teams()}: their own and those they supervise) and their own. Narrower than
 * the call log's rule on purpose: the history is the team's work, not every call of every contact the supervisor may
 * see. Other roles have no call history.
 */
final class CallHistoryScope {

    private CallHistoryScope() {}

    static String sql(Viewer viewer, Map<String, Object> parameters) {
        if (viewer.role() == Role.ADMIN) {
            return "1 = 1";
        }
        if (viewer.role() != Role.SUPERVISOR) {
            throw new CallHistoryAccessDeniedException();
        }
        parameters.put("viewerId", viewer.user().value());
        if (viewer.teams().isEmpty()) {
            return "a.agent_id = :viewerId";
        }
        parameters.put("viewerTeams", viewer.teamIds());
        return "(a.team_id in (:viewerTeams) or a.agent_id = :viewerId)";
    }
}
