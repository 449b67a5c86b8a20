package io.switchboard.sessions;

import java.time.LocalDate;
import java.util.Map;

/**
 * One agent's day. Logged in = paused + talk while logged in + wrap-up + idle; talk outside any queue login (a direct
 * call while logged out) counts in {@code talkSeconds} and not in the logged-in time.
 *
 * @param agent the agent's extension
 * @param username the user who has the extension ({@code null} when nobody has it)
 * @param pausedByReason seconds paused per reason ({@link AgentTimeline#NO_REASON} for a pause without one)
 * @param wrapUpSeconds after each queue call, up to the queue's wrap-up time, unless the next call, a pause or the
 *     logout came first
 * @param idleSeconds logged in, not paused, not talking and not in wrap-up: waiting for a call (ringing included)
 * @param occupancy (talk + wrap-up) / (talk + wrap-up + idle): the share of the available time spent on calls;
 *     {@code null} without available time
 * @param callsTaken calls the agent answered (each leg of a call that came back counts)
 * @param ringsNotAnswered times the agent's phone rang for a call and stopped without them answering
 */
public record AgentDay(
        LocalDate day,
        String agent,
        String username,
        String name,
        long loggedInSeconds,
        long pausedSeconds,
        Map<String, Long> pausedByReason,
        long talkSeconds,
        long wrapUpSeconds,
        long idleSeconds,
        Double occupancy,
        long callsTaken,
        long ringsNotAnswered) {}
