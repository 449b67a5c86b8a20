package io.switchboard.gateway.call;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;

/**
 * What the call tracker's tests start from: a tracker with the default settings whose call events go to {@link #sink},
 * its metrics to {@link #registry}, fed by hand with events that {@link #pbx} builds.
 */
abstract class TrackerTestBase {

    final RecordingSink sink = new RecordingSink();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final CallTracker tracker = new CallTracker(CallTrackerSettings.defaults(), sink, registry);
    final Pbx pbx = new Pbx();

    /** Folds the events into the tracker in order, as its thread would. */
    void apply(PbxEvent... events) {
        Arrays.stream(events).forEach(tracker::apply);
    }
}
