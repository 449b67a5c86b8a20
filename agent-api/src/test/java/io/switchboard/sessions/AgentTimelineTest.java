package io.switchboard.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sessions.AgentEvent.MemberState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The definitions of an agent's day, folded from their events: each second is counted once, in one place. */
class AgentTimelineTest {

    private static final LocalDate DAY = LocalDate.parse("2024-05-06");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aDayOfLoginPausesCallsWrapUpAndAMissedRingAddsUp() {
        List<AgentEvent> events = List.of(
                state("08:00", "support", MemberState.LOGGED_IN, null),
                state("08:00", "sales", MemberState.LOGGED_IN, null),
                call("09:00", "09:10", 60),
                state("10:00", "support", MemberState.PAUSED, "Lunch"),
                state("10:00", "sales", MemberState.PAUSED, "Lunch"),
                // paused in one queue only is not paused: the other still rings them
                state("10:30", "support", MemberState.LOGGED_IN, null),
                state("10:30", "sales", MemberState.LOGGED_IN, null),
                call("11:00", "11:01", 300),
                // the next call cuts the wrap-up short: 11:01 to 11:03
                call("11:03", "11:05", 0),
                AgentEvent.ringMissed("7001", "c-missed", at("11:30")),
                state("12:00", "support", MemberState.PAUSED, "Break"),
                state("12:00", "sales", MemberState.PAUSED, "Break"),
                state("12:15", "support", MemberState.LOGGED_OUT, null),
                state("12:15", "sales", MemberState.LOGGED_OUT, null));

        AgentDay day = single(fold(DAY, DAY, events, NOW));

        assertThat(day.loggedInSeconds()).isEqualTo(4 * 3600 + 15 * 60);
        assertThat(day.talkSeconds()).isEqualTo(600 + 60 + 120);
        assertThat(day.wrapUpSeconds()).isEqualTo(60 + 120);
        assertThat(day.pausedByReason()).isEqualTo(Map.of("Lunch", 1800L, "Break", 900L));
        assertThat(day.pausedSeconds()).isEqualTo(2700);
        assertThat(day.idleSeconds()).isEqualTo(15300 - 780 - 180 - 2700);
        assertThat(day.loggedInSeconds())
                .isEqualTo(day.pausedSeconds() + day.talkSeconds() + day.wrapUpSeconds() + day.idleSeconds());
        assertThat(day.occupancy()).isEqualTo(960.0 / (960 + 11640));
        assertThat(day.callsTaken()).isEqualTo(3);
        assertThat(day.ringsNotAnswered()).isEqualTo(1);
    }

    @Test
    void aPauseDuringACallIsTalkUntilItEndsAndEndsTheWrapUp() {
        List<AgentEvent> events = List.of(
                state("08:00", "support", MemberState.LOGGED_IN, null),
                call("09:00", "09:10", 120),
                state("09:05", "support", MemberState.PAUSED, null),
                state("09:30", "support", MemberState.LOGGED_OUT, null));

        AgentDay day = single(fold(DAY, DAY, events, NOW));

        assertThat(day.talkSeconds()).isEqualTo(600);
        assertThat(day.wrapUpSeconds()).isZero();
        assertThat(day.pausedByReason()).isEqualTo(Map.of(AgentTimeline.NO_REASON, 20 * 60L));
        assertThat(day.idleSeconds()).isEqualTo(3600);
    }

    @Test
    void aSessionOverMidnightCountsInEachDayAndTheStateBeforeTheRangeCarriesIn() {
        List<AgentEvent> events = List.of(
                state("2024-05-05T20:00:00Z", "support", MemberState.PAUSED, "Training"),
                state("2024-05-06T01:00:00Z", "support", MemberState.LOGGED_IN, null),
                state("2024-05-06T23:00:00Z", "support", MemberState.LOGGED_IN, null),
                state("2024-05-07T01:30:00Z", "support", MemberState.LOGGED_OUT, null));

        List<AgentDay> days = fold(DAY, DAY.plusDays(1), events, NOW);

        assertThat(days).extracting(AgentDay::day).containsExactly(DAY, DAY.plusDays(1));
        assertThat(days.get(0).loggedInSeconds()).isEqualTo(24 * 3600);
        assertThat(days.get(0).pausedByReason()).isEqualTo(Map.of("Training", 3600L));
        assertThat(days.get(1).loggedInSeconds()).isEqualTo(5400);
        assertThat(days.get(1).idleSeconds()).isEqualTo(5400);
    }

    @Test
    void aCallAnsweredBeforeTheRangeCountsItsTalkAndWrapUpInsideButIsNotTakenThere() {
        List<AgentEvent> events = List.of(
                state("2024-05-05T23:00:00Z", "support", MemberState.LOGGED_IN, null),
                call("2024-05-05T23:50:00Z", "2024-05-06T00:10:00Z", 60),
                state("2024-05-06T01:00:00Z", "support", MemberState.LOGGED_OUT, null));

        AgentDay day = single(fold(DAY, DAY, events, NOW));

        assertThat(day.talkSeconds()).isEqualTo(600);
        assertThat(day.wrapUpSeconds()).isEqualTo(60);
        assertThat(day.callsTaken()).isZero();
        assertThat(day.loggedInSeconds()).isEqualTo(3600);
    }

    @Test
    void todayCountsUpToNowOnlyAndADayWithNothingInItIsLeftOut() {
        List<AgentEvent> events = List.of(state("08:00", "support", MemberState.LOGGED_IN, null));

        List<AgentDay> days = fold(DAY, DAY.plusDays(1), events, at("10:00"));

        assertThat(days).hasSize(1);
        assertThat(days.get(0).loggedInSeconds()).isEqualTo(7200);
        assertThat(days.get(0).occupancy()).isEqualTo(0.0);
    }

    private static List<AgentDay> fold(LocalDate from, LocalDate to, List<AgentEvent> events, Instant now) {
        AgentTimeline timeline = new AgentTimeline(from, to, ZoneId.of("UTC"));
        timeline.fold(events, now);
        return timeline.days("7001", "rm-agent", "Agent");
    }

    private static AgentDay single(List<AgentDay> days) {
        assertThat(days).hasSize(1);
        return days.get(0);
    }

    private static AgentEvent state(String at, String queue, MemberState state, String reason) {
        return AgentEvent.state("7001", at(at), queue, state, reason);
    }

    private static AgentEvent call(String answered, String ended, int wrapUp) {
        return AgentEvent.call("7001", "c-" + answered, "support", at(answered), at(ended), wrapUp);
    }

    /** {@code 09:00} on {@link #DAY}, or a whole instant. */
    private static Instant at(String time) {
        return time.length() == 5
                ? DAY.atTime(java.time.LocalTime.parse(time)).toInstant(ZoneOffset.UTC)
                : Instant.parse(time);
    }
}
