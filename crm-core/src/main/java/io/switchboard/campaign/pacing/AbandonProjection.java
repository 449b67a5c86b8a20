package io.switchboard.campaign.pacing;

import java.util.Arrays;

/**
 * The answers expected from the calls in flight, set against the agents expected to take them.
 *
 * <p>Answers are a sum of independent coin flips, one per call (Poisson-binomial), so their exact distribution is
 * built by adding one call at a time. The agents are the free ones plus Binomial(busy, chance to free up in time).
 * The projected abandons are E[(answers - agents)+]: every answer beyond the agents there to take it. Using the
 * whole distribution rather than the means matters: at the means there would be no shortfall at all, yet the tail
 * of the answers above the agents is where abandons come from.
 */
final class AbandonProjection {

    private double[] answers;
    private double expectedAnswers;
    private final double[] agents;
    private final int readyAgents;
    private double[] shortfall = new double[0];

    /**
     * @param certainAnswers calls already answered and waiting for an agent
     * @param ringing calls in flight, each answered with {@code ringingAnswerRate}
     * @param readyAgents agents free now
     * @param busyAgents agents on calls, each free in time with {@code freeingChance}
     */
    AbandonProjection(
            int certainAnswers,
            int ringing,
            double ringingAnswerRate,
            int readyAgents,
            int busyAgents,
            double freeingChance) {
        this.answers = new double[certainAnswers + 1];
        this.answers[certainAnswers] = 1;
        this.expectedAnswers = certainAnswers;
        for (int i = 0; i < ringing; i++) {
            addCall(ringingAnswerRate);
        }
        this.readyAgents = readyAgents;
        this.agents = binomial(busyAgents, freeingChance);
    }

    /** One more call, answered with the given chance. */
    void addCall(double answerRate) {
        double[] next = Arrays.copyOf(answers, answers.length + 1);
        for (int x = answers.length; x > 0; x--) {
            next[x] = next[x] * (1 - answerRate) + answers[x - 1] * answerRate;
        }
        next[0] = answers[0] * (1 - answerRate);
        answers = next;
        expectedAnswers += answerRate;
    }

    double expectedAnswers() {
        return expectedAnswers;
    }

    /** E[(answers - agents)+]. */
    double expectedAbandons() {
        extendShortfall(answers.length);
        double abandons = 0;
        for (int x = readyAgents + 1; x < answers.length; x++) {
            abandons += answers[x] * shortfall[x];
        }
        return abandons;
    }

    /**
     * shortfall[x] = E[(x - agents)+], from shortfall[x+1] = shortfall[x] + P(agents <= x): one more answer is one
     * more abandon exactly when there are at most x agents.
     */
    private void extendShortfall(int size) {
        if (shortfall.length >= size) {
            return;
        }
        shortfall = new double[Math.max(size, 2 * shortfall.length)];
        double atMost = 0;
        for (int x = 0; x + 1 < shortfall.length; x++) {
            atMost += agentChance(x);
            shortfall[x + 1] = shortfall[x] + atMost;
        }
    }

    private double agentChance(int total) {
        int freed = total - readyAgents;
        return freed < 0 || freed >= agents.length ? 0 : agents[freed];
    }

    private static double[] binomial(int trials, double chance) {
        double[] pmf = {1};
        for (int i = 0; i < trials; i++) {
            double[] next = new double[pmf.length + 1];
            for (int k = 0; k < pmf.length; k++) {
                next[k] += pmf[k] * (1 - chance);
                next[k + 1] += pmf[k] * chance;
            }
            pmf = next;
        }
        return pmf;
    }
}
