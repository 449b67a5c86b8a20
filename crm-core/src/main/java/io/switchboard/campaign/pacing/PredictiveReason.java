package io.switchboard.campaign.pacing;

import java.util.Locale;

/** The one line a supervisor reads to see why the predictive pacer placed as many calls as it did. */
final class PredictiveReason {

    /** What stopped the pacer short of the calls it wanted. */
    enum Limit {
        NONE,
        /** the day's abandon budget */
        BUDGET,
        /** the steady abandon share the calls in flight are aimed at */
        STEADY_SHARE
    }

    private PredictiveReason() {}

    static String describe(
            PacingInput input, int calls, int safeCalls, int wanted, double budget, Limit limit, double steadyShare) {
        double answerRate = 100 * input.estimate().answerRate();
        if (limit == Limit.NONE) {
            return format(
                    "predictive: answer rate %.0f%%, %d calls for the agents expected free, abandon budget %.1f calls",
                    answerRate, calls, budget);
        }
        if (limit == Limit.STEADY_SHARE) {
            return format(
                    "predictive: answer rate %.0f%%, %d of %d calls; more would risk over %.1f%% abandoned"
                            + " (too few agents free within a ring time)",
                    answerRate, calls, wanted, 100 * steadyShare);
        }
        if (calls > safeCalls) {
            return format(
                    "predictive: answer rate %.0f%%, %d of %d calls, held back by the abandon budget (%.1f calls)",
                    answerRate, calls, wanted, budget);
        }
        return format(
                "progressive: the abandon budget is spent (%d of %d answered abandoned, cap %.0f%%)",
                input.abandonedToday(), input.answeredToday(), 100 * input.abandonCap());
    }

    static String startOfDay(PacingInput input) {
        if (input.abandonCap() == 0) {
            return "progressive: the campaign allows no abandoned calls";
        }
        return format(
                "progressive until the day's answers build an abandon budget (%d of %d answers for one abandon at"
                        + " the %.1f%% cap)",
                input.answeredToday(), (long) Math.ceil(1 / input.abandonCap()), 100 * input.abandonCap());
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
