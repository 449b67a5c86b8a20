package io.switchboard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The clock of one call: steps are planned in simulated seconds after the current step, run on the PBX thread at
 * the matching real time, and stamp their events with the planned time. Ending the call cancels what is left.
 */
final class CallTimeline {

    private final SimulatedPbx pbx;
    private final List<Future<?>> pending = new ArrayList<>();
    private long stepMicros;
    private boolean ended;

    CallTimeline(SimulatedPbx pbx) {
        this.pbx = pbx;
        this.stepMicros = pbx.clock().cursorMicros();
    }

    /** The planned simulated time of the step running now. */
    long nowMicros() {
        return stepMicros;
    }

    boolean ended() {
        return ended;
    }

    void after(double simulatedSeconds, Runnable step) {
        if (ended) {
            return;
        }
        pending.removeIf(Future::isDone);
        long planned = stepMicros + SimClock.seconds(simulatedSeconds);
        long delayNanos =
                (long) ((planned - pbx.clock().nowMicros()) * 1000 / pbx.clock().timeScale());
        pending.add(pbx.loop().schedule(() -> runStep(planned, step), Math.max(0, delayNanos), TimeUnit.NANOSECONDS));
    }

    private void runStep(long planned, Runnable step) {
        if (ended) {
            return;
        }
        stepMicros = planned;
        pbx.clock().beginStep(planned);
        step.run();
    }

    /** Re-aligns the timeline with the PBX clock, for steps triggered by another call (an agent becoming free). */
    void syncToCursor() {
        stepMicros = pbx.clock().cursorMicros();
    }

    void end() {
        ended = true;
        for (Future<?> future : pending) {
            future.cancel(false);
        }
        pending.clear();
    }
}
