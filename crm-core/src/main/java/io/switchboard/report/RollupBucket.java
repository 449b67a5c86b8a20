package io.switchboard.report;

import java.util.NavigableMap;
import java.util.TreeMap;

/** One queue's quarter hour being counted from its activities: what a {@code queue_rollup} row and its agents hold. */
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
}
