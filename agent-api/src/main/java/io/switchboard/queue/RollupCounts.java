package io.switchboard.queue;

import io.switchboard.activity.QueueQuarter;
import io.switchboard.report.AgentCounts;
import io.switchboard.report.QueueRollup;
import io.switchboard.report.WaitHistogram;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a report from the rollup: a row per queue and quarter hour with exact histograms of the waits, added into
 * the interval the quarter hour falls in. A month of 8 queues is at most 23,000 rows, whatever the calls. The rows
 * come in time order, so each queue's interval is summed in plain arrays (a count per second waited) and handed to
 * its {@link QueueDay} once, when the queue's next interval starts: a day's 48 quarter hours cost one sorted-map
 * entry per distinct wait instead of one per quarter hour and wait.
 */
final class RollupCounts {

    private final QueueRollup rollup;

    RollupCounts(QueueRollup rollup) {
        this.rollup = rollup;
    }

    /** Whether the rollup can answer: built, and every boundary on a quarter hour (true of every zone today). */
    boolean canCount(List<Instant> bounds) {
        for (Instant bound : bounds) {
            if (!QueueQuarter.start(bound).equals(bound)) {
                return false;
            }
        }
        return rollup.ready();
    }

    void count(IntervalTally tally, String queue) {
        Instant from = tally.bounds.get(0);
        Instant to = tally.bounds.get(tally.bounds.size() - 1);
        Map<String, OpenInterval> open = new HashMap<>();
        rollup.read(from, to, queue, row -> {
            int n = tally.indexOf(row.start());
            OpenInterval interval = open.computeIfAbsent(row.queue(), name -> new OpenInterval());
            if (interval.n != n) {
                interval.handTo(tally, row.queue());
                interval.n = n;
            }
            WaitHistogram.decode(row.answeredWaits(), interval.answered::add);
            WaitHistogram.decode(row.abandonedWaits(), interval.abandoned::add);
            tally.day(row.queue(), n)
                    .addRolledUp(
                            row.offered() - row.answered() - row.abandoned(),
                            row.answeredTalkSeconds(),
                            row.longestWaitSeconds());
            AgentCounts.decode(row.answeredByAgent(), interval::answeredBy);
        });
        open.forEach((name, interval) -> interval.handTo(tally, name));
    }

    /** One queue's interval being summed. */
    private static final class OpenInterval {
        int n = -1;
        final Waits answered = new Waits();
        final Waits abandoned = new Waits();
        /** Answered calls per agent, summed here and handed over once per interval instead of once per row. */
        final Map<String, long[]> agents = new HashMap<>();

        void answeredBy(String agent, int calls) {
            agents.computeIfAbsent(agent, name -> new long[1])[0] += calls;
        }

        void handTo(IntervalTally tally, String queue) {
            if (n < 0) {
                return;
            }
            QueueDay day = tally.day(queue, n);
            answered.drain((wait, calls) -> day.add("ANSWERED", wait, calls, 0));
            abandoned.drain((wait, calls) -> day.add("ABANDONED", wait, calls, 0));
            if (!agents.isEmpty()) {
                Map<String, Long> byAgent = new TreeMap<>();
                agents.forEach((agent, calls) -> byAgent.put(agent, calls[0]));
                tally.answered(queue, n, byAgent);
                agents.clear();
            }
        }
    }

    /** Calls per second waited, dense (waits are seconds, mostly a few hundred). */
    private static final class Waits {
        private long[] calls = new long[1024];
        private int longest = -1;

        void add(int wait, int count) {
            if (wait >= calls.length) {
                calls = Arrays.copyOf(calls, Math.max(wait + 1, calls.length * 2));
            }
            calls[wait] += count;
            longest = Math.max(longest, wait);
        }

        void drain(WaitHistogram.Entry into) {
            for (int wait = 0; wait <= longest; wait++) {
                if (calls[wait] != 0) {
                    into.accept(wait, (int) calls[wait]);
                    calls[wait] = 0;
                }
            }
            longest = -1;
        }
    }
}
