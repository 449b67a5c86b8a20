package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.security.SwitchboardUser;
import io.switchboard.sessions.AgentSessionReport;
import io.switchboard.sessions.AgentSessions;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agent sessions per agent and day: an agent sees their own, a supervisor those of the teams in
 * their scope (their own and those they supervise), an admin everyone's. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Call history and interval reports for supervisors and admins")
class AgentSessionReportController {

    private final AgentSessions sessions;

    AgentSessionReportController(AgentSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * The days {@code from} to {@code to} (both included, ISO dates in the centre's zone, at most 366 days; today and
     * {@code from} when left out), for one {@code agent} (an extension) or every agent the caller sees.
     */
    @GetMapping("/agent-sessions")
    AgentSessionReport report(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String agent,
            @AuthenticationPrincipal SwitchboardUser me) {
        return read(from, to, agent, me);
    }

    /** The same report as CSV: a line per agent and day. */
    @GetMapping(path = "/agent-sessions.csv", produces = "text/csv")
    void export(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String agent,
            @AuthenticationPrincipal SwitchboardUser me,
            HttpServletResponse response)
            throws IOException {
        AgentSessionReport report = read(from, to, agent, me);
        AgentSessions.writeCsv(report, ReportDays.csvDownload(response, "agent-sessions.csv"));
    }

    private AgentSessionReport read(String from, String to, String agent, SwitchboardUser me) {
        ReportDays days = ReportDays.of(from, to, sessions.today(), AgentSessions.MAX_DAYS);
        String extension = ReportParameters.text(agent);
        if (extension != null && !extension.matches("[0-9A-Za-z_.@-]{1,32}")) {
            throw InvalidRequestException.of("agent", "must be an agent's extension");
        }
        return sessions.report(days.first(), days.last(), extension, me.viewer());
    }
}
