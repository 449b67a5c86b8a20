package io.switchboard.queue;

import java.util.Map;

/**
 * Callers waiting in each queue right now, as the live board sees them: what the day's chart samples. A port the
 * live board fills in, so that the queue figures do not depend on the live board (which reads the queues' rules).
 */
@FunctionalInterface
public interface WaitingCallers {

    /** Callers waiting by queue name, in the order the chart should list the queues. */
    Map<String, Integer> byQueue();
}
