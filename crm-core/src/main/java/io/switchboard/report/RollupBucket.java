package io.switchboard.report;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One queue's quarter hour being counted, from its activities or from a batch's new calls added to its stored row:
 * what a {@code queue_rollup} row and its agents hold.
 */
final class RollupBucket {

    int offered;
    int answered;
    int abandoned;
    long answeredTalk;
    int longestWait;
    final NavigableMap<Integer, Integer> answeredWaits = new TreeMap<>();
    final NavigableMap<Integer, Integer> abandonedWaits = new TreeMap<>();
    final NavigableMap<String, Integer> answeredByAgent = new TreeMap<>();

    /** Counts one call, as the interval report counts it: talk and agents of answered calls only. */
    void add(String outcome, int waitSeconds, int talkSeconds, String agent) {
        offered++;
        longestWait = Math.max(longestWait, waitSeconds);
        if ("ANSWERED".equals(outcome)) {
            answered++;
            answeredTalk += talkSeconds;
            answeredWaits.merge(waitSeconds, 1, Integer::sum);
            if (agent != null) {
                answeredByAgent.merge(agent, 1, Integer::sum);
            }
        } else if ("ABANDONED".equals(outcome)) {
            abandoned++;
            abandonedWaits.merge(waitSeconds, 1, Integer::sum);
        }
    }

    /** Adds a stored row's counts (decoded histograms merged entry by entry), so the sum is exact. */
    void add(QueueRollupRow stored) {
        offered += stored.offered();
        answered += stored.answered();
        abandoned += stored.abandoned();
        answeredTalk += stored.answeredTalkSeconds();
        longestWait = Math.max(longestWait, stored.longestWaitSeconds());
        WaitHistogram.decode(stored.answeredWaits(), (wait, calls) -> answeredWaits.merge(wait, calls, Integer::sum));
        WaitHistogram.decode(stored.abandonedWaits(), (wait, calls) -> abandonedWaits.merge(wait, calls, Integer::sum));
        AgentCounts.decode(
                stored.answeredByAgent(), (agent, calls) -> answeredByAgent.merge(agent, calls, Integer::sum));
    }
}
