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
 * day the budget is nearly empty, so the pacer starts progressive and over-dials as answers build the budget up.
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
     * dialling until the budget recovers. Aiming the calls in flight at a steady share of the cap (here 40 %) keeps
     * the dialling smooth, the hourly rate low, and leaves the budget as the hard limit it is meant to be.
     */
    static final double STEADY_SHARE_OF_CAP = 0.4;

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
        for (int i = 0; i < safeCalls; i++) {
            projection.addCall(answerRate);
        }
        int calls = safeCalls;
        double budget = budget(input, projection);
        while (calls < target) {
            projection.addCall(answerRate);
            double budgetWithCall = budget(input, projection);
            double projected = projectionBias * projection.expectedAbandons();
            double steady = steadyShareOfCap * input.abandonCap() * projection.expectedAnswers();
            if (projected > budgetWithCall || projected > steady) {
                break;
            }
            budget = budgetWithCall;
            calls++;
        }
        return predictiveDecision(input, calls, expectedFree, reason(input, calls, safeCalls, target, budget));
    }

    private static double budget(PacingInput input, AbandonProjection projection) {
        return input.abandonCap() * (input.answeredToday() + projection.expectedAnswers()) - input.abandonedToday();
    }

    private static String reason(PacingInput input, int calls, int safeCalls, int target, double budget) {
        double answerRate = input.estimate().answerRate();
        if (calls == target) {
            return String.format(
                    Locale.ROOT,
                    "predictive: answer rate %.0f%%, %d calls for the agents expected free, abandon budget %.1f calls",
                    100 * answerRate,
                    calls,
                    budget);
        }
        if (calls > safeCalls) {
            return String.format(
                    Locale.ROOT,
                    "predictive: answer rate %.0f%%, %d of %d calls, held back by the abandon budget (%.1f calls)",
                    100 * answerRate,
                    calls,
                    target,
                    budget);
        }
        if (input.answeredToday() * input.abandonCap() < 1) {
            return String.format(
                    Locale.ROOT,
                    "progressive until the day's answers build an abandon budget (%d answered, %.0f%% cap)",
                    input.answeredToday(),
                    100 * input.abandonCap());
        }
        return String.format(
                Locale.ROOT,
                "progressive: the abandon budget is spent (%d of %d answered abandoned, cap %.0f%%)",
                input.abandonedToday(),
                input.answeredToday(),
                100 * input.abandonCap());
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
