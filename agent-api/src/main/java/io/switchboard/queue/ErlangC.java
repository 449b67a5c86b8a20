package io.switchboard.queue;

/**
 * The Erlang C model of a call centre queue: how many agents a given arrival rate and handling time need so that a
 * target share of calls waits no longer than a threshold.
 */
final class ErlangC {

    /** More agents than this are not considered: the hint is for a queue, not a city. */
    private static final int MAX_AGENTS = 1_000;

    private ErlangC() {}

    /**
     * @param callsPerSecond arrival rate
     * @param handleSeconds average handling time of a call
     * @return the fewest agents meeting the target, or 0 when no calls arrive
     */
    static int agentsNeeded(double callsPerSecond, double handleSeconds, int thresholdSeconds, double target) {
        double traffic = callsPerSecond * handleSeconds; // offered load in Erlangs
        if (traffic <= 0) {
            return 0;
        }
        for (int agents = Math.max(1, (int) Math.ceil(traffic)); agents <= MAX_AGENTS; agents++) {
            if (agents > traffic && serviceLevel(traffic, agents, handleSeconds, thresholdSeconds) >= target) {
                return agents;
            }
        }
        return MAX_AGENTS;
    }

    /** The share of calls answered within the threshold with {@code agents} agents. */
    static double serviceLevel(double traffic, int agents, double handleSeconds, int thresholdSeconds) {
        double waitProbability = probabilityOfWaiting(traffic, agents);
        return 1 - waitProbability * Math.exp(-(agents - traffic) * thresholdSeconds / handleSeconds);
    }

    /** Erlang C: the probability that a call has to wait. Computed through Erlang B's stable recursion. */
    static double probabilityOfWaiting(double traffic, int agents) {
        double erlangB = 1;
        for (int n = 1; n <= agents; n++) {
            erlangB = traffic * erlangB / (n + traffic * erlangB);
        }
        double occupancy = traffic / agents;
        return erlangB / (1 - occupancy * (1 - erlangB));
    }
}
