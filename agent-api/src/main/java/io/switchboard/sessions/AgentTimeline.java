package io.switchboard.sessions;

import io.switchboard.sessions.AgentEvent.MemberState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One agent's time over a range of days, folded from their events in order: each stretch between two events is
 * logged-in or not, and then talk, paused, wrap-up or idle, in that order of precedence (a pause during a call is
 * talk until the call ends; a pause during wrap-up ends the wrap-up's count). Stretches are cut at midnight in the
 * centre's zone, so each day gets its own.
 */
final class AgentTimeline {

    static final String NO_REASON = "(no reason)";

    private final List<Instant> midnights = new ArrayList<>();
    private final List<LocalDate> days = new ArrayList<>();
    private final Tally[] tallies;
    /** Each queue the agent is logged in to, and whether they are paused in it. */
    private final Map<String, Boolean> pausedIn = new HashMap<>();

    private Instant clock;
    private int talking;
    private Instant wrapUntil;
    private String pauseReason = NO_REASON;

    private static final class Tally {
        long loggedIn;
        long talk;
        long wrapUp;
        long idle;
        long calls;
        long ringsMissed;
        final Map<String, Long> paused = new TreeMap<>();
    }

    AgentTimeline(LocalDate from, LocalDate to, ZoneId zone) {
        for (LocalDate day = from; !day.isAfter(to.plusDays(1)); day = day.plusDays(1)) {
            days.add(day);
            midnights.add(day.atStartOfDay(zone).toInstant());
        }
        tallies = new Tally[days.size() - 1];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new Tally();
        }
        clock = midnights.get(0);
    }

    /**
     * Folds one agent's events (in any order) up to {@code now}: a call is two moments, its answer and the end of its
     * talk, sorted in among the other events (on a tie an end comes first, then states, then answers).
     */
    void fold(List<AgentEvent> events, Instant now) {
        record Moment(Instant at, int order, AgentEvent event) {}
        List<Moment> moments = new ArrayList<>();
        for (AgentEvent event : events) {
            if (event.kind() == AgentEvent.Kind.CALL) {
                moments.add(new Moment(event.at(), 2, event));
                moments.add(new Moment(event.endedAt(), 0, event));
            } else {
                moments.add(new Moment(event.at(), 1, event));
            }
        }
        moments.sort(Comparator.comparing(Moment::at).thenComparingInt(Moment::order));
        for (Moment moment : moments) {
            if (moment.at().isAfter(now)) {
                break;
            }
            switch (moment.order()) {
                case 0 -> talkEnded(moment.at(), moment.event().wrapUpSeconds());
                case 2 -> talkStarted(moment.at());
                default -> apply(moment.event());
            }
        }
        advance(now);
    }

    /** Applies one event; events must come oldest first (those before the range only set the starting state). */
    private void apply(AgentEvent event) {
        advance(event.at());
        int day = dayOf(event.at());
        switch (event.kind()) {
            case STATE -> state(event);
            case RING_MISSED -> {
                if (day >= 0) {
                    tallies[day].ringsMissed++;
                }
            }
            case CALL -> throw new IllegalArgumentException("calls are applied as talkStarted and talkEnded");
        }
    }

    private void talkStarted(Instant at) {
        advance(at);
        talking++;
        wrapUntil = null;
        int day = dayOf(at);
        if (day >= 0) {
            tallies[day].calls++;
        }
    }

    private void talkEnded(Instant at, int wrapUpSeconds) {
        advance(at);
        talking = Math.max(0, talking - 1);
        Instant wrapEnd = at.plusSeconds(wrapUpSeconds);
        if (talking == 0 && (wrapUntil == null || wrapEnd.isAfter(wrapUntil))) {
            wrapUntil = wrapEnd;
        }
    }

    private void state(AgentEvent event) {
        if (event.state() == MemberState.LOGGED_OUT) {
            pausedIn.remove(event.queue());
        } else {
            pausedIn.put(event.queue(), event.state() == MemberState.PAUSED);
        }
        if (event.state() == MemberState.PAUSED) {
            pauseReason = event.reason() == null || event.reason().isBlank() ? NO_REASON : event.reason();
        }
    }

    /** Counts the time from the last event to {@code until} (never past the range's end). */
    private void advance(Instant until) {
        Instant end = until.isAfter(last()) ? last() : until;
        while (clock.isBefore(end)) {
            int day = dayOf(clock);
            Instant stop = midnights.get(day + 1).isBefore(end) ? midnights.get(day + 1) : end;
            count(tallies[day], clock, stop);
            clock = stop;
        }
    }

    private void count(Tally tally, Instant from, Instant to) {
        long seconds = Duration.between(from, to).toMillis();
        boolean loggedIn = !pausedIn.isEmpty();
        if (loggedIn) {
            tally.loggedIn += seconds;
        }
        if (talking > 0) {
            tally.talk += seconds;
        } else if (loggedIn && !pausedIn.containsValue(false)) {
            tally.paused.merge(pauseReason, seconds, Long::sum);
        } else if (loggedIn) {
            long wrap = wrapUntil == null
                    ? 0
                    : Math.max(
                            0,
                            Math.min(seconds, Duration.between(from, wrapUntil).toMillis()));
            tally.wrapUp += wrap;
            tally.idle += seconds - wrap;
        }
    }

    private Instant last() {
        return midnights.get(midnights.size() - 1);
    }

    /** The index of the day {@code at} falls in; -1 before the range, the last day's after it. */
    private int dayOf(Instant at) {
        if (at.isBefore(midnights.get(0))) {
            return -1;
        }
        for (int i = 1; i < midnights.size(); i++) {
            if (at.isBefore(midnights.get(i))) {
                return i - 1;
            }
        }
        return -1;
    }

    /** The agent's days with anything in them; times are kept in milliseconds and given in whole seconds. */
    List<AgentDay> days(String agent, String username, String name) {
        List<AgentDay> result = new ArrayList<>();
        for (int i = 0; i < tallies.length; i++) {
            Tally t = tallies[i];
            if (t.loggedIn == 0 && t.talk == 0 && t.calls == 0 && t.ringsMissed == 0) {
                continue;
            }
            Map<String, Long> paused = new TreeMap<>();
            t.paused.forEach((reason, millis) -> paused.put(reason, millis / 1000));
            long pausedTotal =
                    t.paused.values().stream().mapToLong(Long::longValue).sum();
            long busy = t.talk + t.wrapUp;
            Double occupancy = busy + t.idle == 0 ? null : (double) busy / (busy + t.idle);
            result.add(new AgentDay(
                    days.get(i),
                    agent,
                    username,
                    name,
                    t.loggedIn / 1000,
                    pausedTotal / 1000,
                    paused,
                    t.talk / 1000,
                    t.wrapUp / 1000,
                    t.idle / 1000,
                    occupancy,
                    t.calls,
                    t.ringsMissed));
        }
        return result;
    }
}
