package io.switchboard.queue;

import io.switchboard.activity.QueueQuarter;
import io.switchboard.report.AgentCounts;
import io.switchboard.report.QueueRollup;
import io.switchboard.report.WaitHistogram;
import java.time.Instant;
import java.util.List;

/**
 * Counts a report from the rollup: a row per queue and quarter hour with exact histograms of the waits, added into
 * the interval the quarter hour falls in. A month of 8 queues is at most 23,000 rows, whatever the calls.
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
        rollup.read(from, to, queue, row -> {
            QueueDay day = tally.day(row.queue(), tally.indexOf(row.start()));
            WaitHistogram.decode(row.answeredWaits(), (wait, calls) -> day.add("ANSWERED", wait, calls, 0));
            WaitHistogram.decode(row.abandonedWaits(), (wait, calls) -> day.add("ABANDONED", wait, calls, 0));
            day.addRolledUp(
                    row.offered() - row.answered() - row.abandoned(),
                    row.answeredTalkSeconds(),
                    row.longestWaitSeconds());
            int n = tally.indexOf(row.start());
            AgentCounts.decode(row.answeredByAgent(), (agent, calls) -> tally.answered(row.queue(), n, agent, calls));
        });
    }
}
