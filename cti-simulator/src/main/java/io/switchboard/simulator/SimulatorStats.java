package io.switchboard.simulator;

/**
 * A snapshot of the simulator's counters.
 *
 * @param sessions connected manager sessions
 * @param callsStarted calls started by scenarios, Originate and load mode
 * @param callsEnded calls whose last channel has hung up
 * @param eventsSent events produced (each is sent to every logged-in session with events on)
 * @param liveChannels channels currently up, as {@code CoreShowChannels} would list them
 * @param clientsDroppedSlow clients dropped because they did not read fast enough
 */
public record SimulatorStats(
        int sessions, long callsStarted, long callsEnded, long eventsSent, int liveChannels, long clientsDroppedSlow) {}
