package io.switchboard.campaign.pacing;

import java.util.Locale;

/**
 * Decides how many calls a campaign places at one dialer tick. Stateless: everything it needs is in the input, so
 * one instance serves every campaign.
 *
 * <p>Predictive dialling aims for as many answers as there will be agents to take them: the free agents plus those
 * expected to finish their call while the new calls ring. Handle times are taken as exponential, so each busy agent
 * frees up within the ring time t with chance 1 - exp(-t / handle time) whatever it has been doing so far.
 *
 * <p>Over-dialling abandons calls, and the abandon cap (a share of the day's answered calls) must hold. The pacer
 * keeps an abandon budget: cap x (answered so far + answers expected from the calls in flight) - abandoned so far.
 * It adds calls beyond one per free agent only while the abandons projected for everything in flight, inflated by
 * a safety factor, fit in that budget. Otherwise it dials progressively (one call per free agent not already
 * reserved by a ringing call), which cannot abandon: every answer has an agent waiting for it. At the start of the
 * day the budget is empty: one abandoned call among the first few answers would put the day over the cap, and the
 * cap must hold at every moment, not just at closing time. So the pacer dials progressively until the day's answers
 * have earned one whole abandoned call (34 answers at 3 %), then over-dials inside the budget.
 */
public final class Pacer {

    /**
     * The projection is optimistic: it sets all the answers expected within one ring time against all the agents
     * freeing up within it, but an early answer cannot wait for an agent who frees late (the customer hangs up
     * after a couple of seconds). In DialerBenchmark the real abandons came to about four times the projection
     * across answer rates and team sizes, so the pacer works with four times the projection.
     */
    static final double PROJECTION_BIAS = 4.0;

    /**
     * Spending the whole budget as fast as it builds makes the pacer lurch: a burst of abandons, then progressive
     * dialling until the budget recovers. Aiming the calls in flight at a steady share of the cap (here 20 %) keeps
     * the dialling smooth, the hourly rate low, and leaves the budget as the hard limit it is meant to be. 20 % because the
     * projection misses most in its tail: at a 3 % cap the benchmark then lands near 1.6 % abandoned.
     */
    static final double STEADY_SHARE_OF_CAP = 0.2;

    /** Guards the loop against an answer rate near zero; far above what any tick needs. */
    private static final int MAX_CALLS_PER_TICK = 1_000;

    private final double projectionBias;
    private final double steadyShareOfCap;

    public Pacer() {
        this(PROJECTION_BIAS, STEADY_SHARE_OF_CAP);
    }

    Pacer(double projectionBias, double steadyShareOfCap) {
        this.projectionBias = projectionBias;
        this.steadyShareOfCap = steadyShareOfCap;
    }

    public PacingDecision decide(PacingInput input) {
        switch (input.mode()) {
            case PREVIEW:
                return new PacingDecision(
                        0,
                        0,
                        input.estimate().answerRate(),
                        input.agentsReady(),
                        input.abandonRateToday(),
                        "preview: agents place their own calls");
            case PROGRESSIVE:
                return progressive(input);
            case PREDICTIVE:
                return predictive(input);
            default:
                throw new IllegalArgumentException("unknown dial mode " + input.mode());
        }
    }

    private static PacingDecision progressive(PacingInput input) {
        int calls = unreservedAgents(input);
        return new PacingDecision(
                calls,
                ratio(input.callsRinging() + calls, input.agentsReady()),
                input.estimate().answerRate(),
                input.agentsReady(),
                input.abandonRateToday(),
                String.format(
                        Locale.ROOT,
                        "progressive: %d free agents, %d calls ringing, %d waiting",
                        input.agentsReady(),
                        input.callsRinging(),
                        input.callsWaiting()));
    }

    private PacingDecision predictive(PacingInput input) {
        PacingEstimate estimate = input.estimate();
        double answerRate = estimate.answerRate();
        double freeingChance = 1 - Math.exp(-estimate.secondsToAnswer() / estimate.handleSeconds());
        double expectedFree = input.agentsReady() + input.agentsBusy() * freeingChance;
        int safeCalls = unreservedAgents(input);
        AbandonProjection projection = new AbandonProjection(
                input.callsWaiting(),
                input.callsRinging(),
                estimate.inFlightAnswerRate(),
                input.agentsReady(),
                input.agentsBusy(),
                freeingChance);
        double wanted = answerRate <= 0 ? 0 : (expectedFree - projection.expectedAnswers()) / answerRate;
        int target = (int) Math.floor(Math.min(wanted, MAX_CALLS_PER_TICK));
        if (target <= safeCalls) {
            return predictiveDecision(
                    input,
                    safeCalls,
                    expectedFree,
                    String.format(
                            Locale.ROOT,
                            "predictive: %d calls ringing and %d waiting cover the %.1f agents expected free",
                            input.callsRinging(),
                            input.callsWaiting(),
                            expectedFree));
        }
        if (input.abandonCap() * input.answeredToday() < 1) {
            return predictiveDecision(input, safeCalls, expectedFree, PredictiveReason.startOfDay(input));
        }
        for (int i = 0; i < safeCalls; i++) {
            projection.addCall(answerRate);
        }
        int calls = safeCalls;
        double budget = budget(input, projection);
        PredictiveReason.Limit limit = PredictiveReason.Limit.NONE;
        while (calls < target) {
            projection.addCall(answerRate);
            double projected = projectionBias * projection.expectedAbandons();
            if (likelyMost(projected) > budget(input, projection)) {
                limit = PredictiveReason.Limit.BUDGET;
                break;
            }
            if (projected > steadyShareOfCap * input.abandonCap() * projection.expectedAnswers()) {
                limit = PredictiveReason.Limit.STEADY_SHARE;
                break;
            }
            budget = budget(input, projection);
            calls++;
        }
        String reason = PredictiveReason.describe(
                input, calls, safeCalls, target, budget, limit, steadyShareOfCap * input.abandonCap());
        return predictiveDecision(input, calls, expectedFree, reason);
    }

    /**
     * Abandons come one whole call at a time, and the budget is often a fraction of one: the mean would let a
     * single unlucky abandon break the cap. The abandons among the calls in flight are rare, nearly independent
     * events, so their count is close to Poisson; the budget must hold the count that is exceeded only 5 % of the
     * time.
     */
    static int likelyMost(double meanAbandons) {
        double term = Math.exp(-meanAbandons);
        double atMost = term;
        int count = 0;
        while (atMost < 0.95 && count < MAX_CALLS_PER_TICK) {
            count++;
            term *= meanAbandons / count;
            atMost += term;
        }
        return count;
    }

    private static double budget(PacingInput input, AbandonProjection projection) {
        return input.abandonCap() * (input.answeredToday() + projection.expectedAnswers()) - input.abandonedToday();
    }

    private static PacingDecision predictiveDecision(PacingInput input, int calls, double expectedFree, String why) {
        return new PacingDecision(
                calls,
                ratio(input.callsRinging() + calls, expectedFree),
                input.estimate().answerRate(),
                expectedFree,
                input.abandonRateToday(),
                why);
    }

    /** Free agents not yet reserved by a call in flight: one call each can never be abandoned. */
    private static int unreservedAgents(PacingInput input) {
        return Math.max(0, input.agentsReady() - input.callsRinging() - input.callsWaiting());
    }

    private static double ratio(double calls, double agents) {
        return agents <= 0 ? 0 : calls / agents;
    }
}
