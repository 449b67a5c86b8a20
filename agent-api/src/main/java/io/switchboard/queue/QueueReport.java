package io.switchboard.queue;

import java.util.List;

/**
 * One queue's interval report: the figures of every interval of the range (empty ones too, so charts keep their
 * time axis), the whole range's, and how the measures are defined for this queue.
 *
 * @param queue the queue as events name it ({@code b:support}): what the {@code queue} filter takes
 * @param label the queue as people know it: {@code support} with one PBX, {@code support (b)} with several
 */
public record QueueReport(
        String queue,
        String label,
        int serviceLevelSeconds,
        String serviceLevelFormula,
        String handleTimeFormula,
        IntervalFigures total,
        List<IntervalFigures> intervals) {}
