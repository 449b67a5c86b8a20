package io.switchboard.queue;

import java.util.List;

/**
 * One queue's interval report: the figures of every interval of the range (empty ones too, so charts keep their
 * time axis), the whole range's, and how the measures are defined for this queue.
 */
public record QueueReport(
        String queue,
        int serviceLevelSeconds,
        String serviceLevelFormula,
        String handleTimeFormula,
        IntervalFigures total,
        List<IntervalFigures> intervals) {}
