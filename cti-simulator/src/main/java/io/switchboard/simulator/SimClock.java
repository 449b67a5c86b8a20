package io.switchboard.simulator;

/**
 * Simulated time. It runs {@code timeScale} times faster than the wall clock from the moment the simulator
 * starts. Events are stamped from a cursor that each step of a call sets to the step's planned time, so a 5 s
 * talk scheduled 5 ms later at scale 1000 still reads exactly 5 s in the {@code Timestamp} fields, whatever the
 * scheduler's jitter. Only the PBX thread uses the cursor.
 */
final class SimClock {

    /** Spacing of consecutive events inside one step, close to what a real Asterisk shows. */
    private static final long EVENT_SPACING_MICROS = 7;

    private final long startEpochMicros;
    private final long startNanos;
    private final double timeScale;
    private final boolean stampsWhenSent;
    private long cursorMicros;

    SimClock(double timeScale) {
        this(timeScale, false);
    }

    SimClock(double timeScale, boolean stampsWhenSent) {
        this.timeScale = timeScale;
        this.stampsWhenSent = stampsWhenSent;
        java.time.Instant start = java.time.Instant.now(); // microseconds, where currentTimeMillis truncates
        this.startEpochMicros = start.getEpochSecond() * 1_000_000 + start.getNano() / 1_000;
        this.startNanos = System.nanoTime();
        this.cursorMicros = startEpochMicros;
    }

    long nowMicros() {
        return startEpochMicros + (long) ((System.nanoTime() - startNanos) / 1000.0 * timeScale);
    }

    long realDelayNanos(double simulatedSeconds) {
        return Math.max(0, (long) (simulatedSeconds * 1e9 / timeScale));
    }

    long startEpochMicros() {
        return startEpochMicros;
    }

    double timeScale() {
        return timeScale;
    }

    /** Starts a step at its planned simulated time. */
    void beginStep(long plannedMicros) {
        cursorMicros = plannedMicros;
    }

    long cursorMicros() {
        return cursorMicros;
    }

    /** The timestamp for the next event of the current step: now, or the step's planned time plus a spacing. */
    long nextEventMicros() {
        if (stampsWhenSent) {
            return nowMicros();
        }
        long stamp = cursorMicros;
        cursorMicros += EVENT_SPACING_MICROS;
        return stamp;
    }

    /**
     * Whole seconds between two simulated times, as Asterisk counts hold and talk time. A millisecond of slack
     * absorbs the spacing of events within a step, so a talk planned as 5 s never reads 4.
     */
    static long elapsedSeconds(long fromMicros, long toMicros) {
        return (toMicros - fromMicros + 1000) / 1_000_000;
    }

    static long elapsedMillis(long fromMicros, long toMicros) {
        return (toMicros - fromMicros + 500) / 1000;
    }

    static long seconds(double simulatedSeconds) {
        return (long) (simulatedSeconds * 1_000_000);
    }

    /** {@code <epoch seconds>.<6 digits>} as Asterisk writes timestamps. */
    static String format(long epochMicros) {
        String micros = Long.toString(epochMicros % 1_000_000);
        return epochMicros / 1_000_000 + "." + "000000".substring(micros.length()) + micros;
    }
}
