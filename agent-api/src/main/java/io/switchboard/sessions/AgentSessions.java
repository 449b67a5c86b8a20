package io.switchboard.sessions;

import io.switchboard.csv.SpreadsheetCsvWriter;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.sessions.AgentEventStore.StoredAgentEvent;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Agent session reports: who was logged in, paused (and why), talking, in wrap-up or idle, per agent and day, from
 * the stored agent events. An admin sees every agent, a supervisor their team's (and themselves), an agent
 * themselves; the CSV is written here so that other features (scheduled e-mails) can write it too.
 */
public final class AgentSessions {

    public static final int MAX_DAYS = 366;

    static final String[] CSV_HEADER = {
        "day",
        "agent",
        "username",
        "logged_in_seconds",
        "paused_seconds",
        "paused_by_reason",
        "talk_seconds",
        "wrap_up_seconds",
        "idle_seconds",
        "occupancy",
        "calls_taken",
        "rings_not_answered"
    };

    private final AgentEventStore store;
    private final ZoneId zone;
    private final Clock clock;

    AgentSessions(AgentEventStore store, ZoneId zone, Clock clock) {
        this.store = store;
        this.zone = zone;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * @param agent one agent's extension, or {@code null} for every agent the viewer sees
     * @throws IllegalArgumentException for a range that is empty or longer than {@link #MAX_DAYS}
     */
    public AgentSessionReport report(LocalDate from, LocalDate to, String agent, Viewer viewer) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("the range must be 1 to " + MAX_DAYS + " days");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Object> parameters = new HashMap<>();
        String scope = scope(viewer, parameters);
        Map<String, List<StoredAgentEvent>> byAgent = new LinkedHashMap<>();
        for (StoredAgentEvent stored : store.range(start, end, agent, scope, parameters)) {
            byAgent.computeIfAbsent(stored.event().agent(), key -> new ArrayList<>())
                    .add(stored);
        }
        Instant now = clock.instant();
        List<AgentDay> days = new ArrayList<>();
        byAgent.forEach((extension, events) -> days.addAll(fold(from, to, events, now)));
        days.sort(Comparator.comparing(AgentDay::day).thenComparing(AgentDay::agent));
        return new AgentSessionReport(from, to, zone.getId(), days);
    }

    private List<AgentDay> fold(LocalDate from, LocalDate to, List<StoredAgentEvent> events, Instant now) {
        String username = null;
        String name = null;
        for (StoredAgentEvent stored : events) {
            if (stored.username() != null) {
                username = stored.username();
                name = stored.displayName();
            }
        }
        AgentTimeline timeline = new AgentTimeline(from, to, zone);
        timeline.fold(events.stream().map(StoredAgentEvent::event).toList(), now);
        return timeline.days(events.get(0).event().agent(), username, name);
    }

    /** Whose rows the viewer sees, as an SQL condition on the event {@code e} and its user {@code u}. */
    private static String scope(Viewer viewer, Map<String, Object> parameters) {
        parameters.put("viewerId", viewer.user().value());
        if (viewer.role() == Role.ADMIN) {
            return "1 = 1";
        }
        if (viewer.role() == Role.SUPERVISOR && !viewer.teams().isEmpty()) {
            // the teams in the supervisor's scope: their own and those they supervise
            parameters.put("viewerTeams", viewer.teamIds());
            return "(u.team_id in (:viewerTeams) or e.user_id = :viewerId)";
        }
        if (viewer.role() == Role.SUPERVISOR || viewer.role() == Role.AGENT) {
            return "e.user_id = :viewerId";
        }
        return "1 = 0";
    }

    /** The report as CSV: a line per agent and day; pauses per reason in one cell ({@code Lunch:1800 Break:600}). */
    public static void writeCsv(AgentSessionReport report, Writer out) throws IOException {
        SpreadsheetCsvWriter csv = SpreadsheetCsvWriter.to(out, CSV_HEADER);
        for (AgentDay day : report.days()) {
            csv.row(
                    day.day().toString(),
                    day.agent(),
                    day.username(),
                    day.loggedInSeconds(),
                    day.pausedSeconds(),
                    day.pausedByReason().entrySet().stream()
                            .map(entry -> entry.getKey() + ":" + entry.getValue())
                            .collect(Collectors.joining(" ")),
                    day.talkSeconds(),
                    day.wrapUpSeconds(),
                    day.idleSeconds(),
                    day.occupancy(),
                    day.callsTaken(),
                    day.ringsNotAnswered());
        }
        csv.flush();
    }
}
