package io.switchboard.simulator;

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
 * @param humanAgents the first this many agents (2000 upward) are left for people: while one is free and unpaused,
 *     each new caller rings it first (whether or not a simulated agent is free) for the ring time, then goes on to
 *     the simulated agents; the simulator never answers their phones
 * @param callerPool callers are drawn from the first this many numbers of {@link #callerNumber} (so a demo or a
 *     benchmark can store them as contacts); 0 draws from all nine million
 */
public record LoadProfile(
        double callsPerSecond,
        int agents,
        double answerRate,
        double ringSeconds,
        double talkSeconds,
        int maxConcurrentCalls,
        long totalCalls,
        boolean fullNoise,
        int callerPool,
        int humanAgents) {

    /** How many distinct numbers {@link #callerNumber} has. */
    public static final int CALLER_NUMBERS = 9_000_000;

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
        if (humanAgents < 0 || humanAgents >= agents) {
            throw new IllegalArgumentException("humanAgents must be at least 0 and fewer than agents");
        }
        if (callerPool < 0 || callerPool > CALLER_NUMBERS) {
            throw new IllegalArgumentException("callerPool must be within 0.." + CALLER_NUMBERS);
        }
        if (ringSeconds < 0 || talkSeconds < 0 || maxConcurrentCalls < 0 || totalCalls < 0) {
            throw new IllegalArgumentException("durations and limits must not be negative");
        }
    }

    /** The defaults for the rest: 80 % answered after 2 s of ringing, 30 s talk, no limits, production noise. */
    public static LoadProfile of(double callsPerSecond, int agents) {
        return builder(callsPerSecond, agents).build();
    }

    /** {@link #of} to change some of. */
    public static Builder builder(double callsPerSecond, int agents) {
        return new Builder(callsPerSecond, agents);
    }

    /** This profile, to change some of. */
    public Builder toBuilder() {
        return builder(callsPerSecond, agents)
                .answerRate(answerRate)
                .durations(ringSeconds, talkSeconds)
                .limits(maxConcurrentCalls, totalCalls)
                .fullNoise(fullNoise)
                .callerPool(callerPool)
                .humanAgents(humanAgents);
    }

    /** The same traffic at another arrival rate, e.g. sped up by a time scale so a test plays the demo faster. */
    public LoadProfile withCallsPerSecond(double rate) {
        return toBuilder().callsPerSecond(rate).build();
    }

    public LoadProfile withAnswerRate(double rate) {
        return toBuilder().answerRate(rate).build();
    }

    public LoadProfile withDurations(double ring, double talk) {
        return toBuilder().durations(ring, talk).build();
    }

    public LoadProfile withLimits(int maxConcurrent, long total) {
        return toBuilder().limits(maxConcurrent, total).build();
    }

    public LoadProfile withFullNoise(boolean full) {
        return toBuilder().fullNoise(full).build();
    }

    public LoadProfile withCallerPool(int pool) {
        return toBuilder().callerPool(pool).build();
    }

    public LoadProfile withHumanAgents(int humans) {
        return toBuilder().humanAgents(humans).build();
    }

    /** The {@code index}th caller number the load generator uses: {@code +49301000000} upwards (Berlin). */
    public static String callerNumber(int index) {
        if (index < 0 || index >= CALLER_NUMBERS) {
            throw new IllegalArgumentException("index must be within 0.." + (CALLER_NUMBERS - 1));
        }
        return "+4930" + (1_000_000 + index);
    }

    /** The one place the defaults live; the canonical constructor checks what it builds. */
    public static final class Builder {
        private double callsPerSecond;
        private final int agents;
        private double answerRate = 0.8;
        private double ringSeconds = 2;
        private double talkSeconds = 30;
        private int maxConcurrentCalls = 0;
        private long totalCalls = 0;
        private boolean fullNoise = false;
        private int callerPool = 0;
        private int humanAgents = 0;

        private Builder(double callsPerSecond, int agents) {
            this.callsPerSecond = callsPerSecond;
            this.agents = agents;
        }

        public Builder callsPerSecond(double value) {
            callsPerSecond = value;
            return this;
        }

        public Builder answerRate(double value) {
            answerRate = value;
            return this;
        }

        public Builder durations(double ring, double talk) {
            ringSeconds = ring;
            talkSeconds = talk;
            return this;
        }

        public Builder limits(int maxConcurrent, long total) {
            maxConcurrentCalls = maxConcurrent;
            totalCalls = total;
            return this;
        }

        public Builder fullNoise(boolean value) {
            fullNoise = value;
            return this;
        }

        public Builder callerPool(int value) {
            callerPool = value;
            return this;
        }

        public Builder humanAgents(int value) {
            humanAgents = value;
            return this;
        }

        public LoadProfile build() {
            return new LoadProfile(
                    callsPerSecond,
                    agents,
                    answerRate,
                    ringSeconds,
                    talkSeconds,
                    maxConcurrentCalls,
                    totalCalls,
                    fullNoise,
                    callerPool,
                    humanAgents);
        }
    }
}
