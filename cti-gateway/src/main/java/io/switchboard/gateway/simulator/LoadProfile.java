package io.switchboard.gateway.simulator;

/**
 * A steady stream of inbound calls into queue {@code load}, whose members are agent extensions 2000 upwards.
 *
 * @param callsPerSecond new calls per real (wall-clock) second, whatever the time scale: the time scale makes each
 *     call shorter, not the arrivals denser, so a benchmark's rate is the rate it gets
 * @param agents how many agents (extensions 2000..) staff the queue; callers wait when all are busy and give up
 *     after the queue's 120 simulated seconds
 * @param answerRate share of calls an agent answers; the rest are abandoned while ringing
 * @param ringSeconds how long an agent rings before answering (and how long an abandoning caller waits)
 * @param talkSeconds talk time of answered calls
 * @param maxConcurrentCalls no new call starts while this many are live; 0 for no limit
 * @param totalCalls stop after this many calls; 0 for no limit
 * @param fullNoise {@code true} for every event of the recorded test bed (about 95 a call), {@code false} for the
 *     events a production Asterisk sends for such a call (about 45)
 */
public record LoadProfile(
        double callsPerSecond,
        int agents,
        double answerRate,
        double ringSeconds,
        double talkSeconds,
        int maxConcurrentCalls,
        long totalCalls,
        boolean fullNoise) {

    public LoadProfile {
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("callsPerSecond must be positive");
        }
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be at least 1");
        }
        if (answerRate < 0 || answerRate > 1) {
            throw new IllegalArgumentException("answerRate must be within 0..1");
        }
        if (ringSeconds < 0 || talkSeconds < 0 || maxConcurrentCalls < 0 || totalCalls < 0) {
            throw new IllegalArgumentException("durations and limits must not be negative");
        }
    }

    public static LoadProfile of(double callsPerSecond, int agents) {
        return new LoadProfile(callsPerSecond, agents, 0.8, 2, 30, 0, 0, false);
    }

    public LoadProfile withAnswerRate(double rate) {
        return new LoadProfile(
                callsPerSecond, agents, rate, ringSeconds, talkSeconds, maxConcurrentCalls, totalCalls, fullNoise);
    }

    public LoadProfile withDurations(double ring, double talk) {
        return new LoadProfile(
                callsPerSecond, agents, answerRate, ring, talk, maxConcurrentCalls, totalCalls, fullNoise);
    }

    public LoadProfile withLimits(int maxConcurrent, long total) {
        return new LoadProfile(
                callsPerSecond, agents, answerRate, ringSeconds, talkSeconds, maxConcurrent, total, fullNoise);
    }

    public LoadProfile withFullNoise(boolean full) {
        return new LoadProfile(
                callsPerSecond, agents, answerRate, ringSeconds, talkSeconds, maxConcurrentCalls, totalCalls, full);
    }
}
