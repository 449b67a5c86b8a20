package io.switchboard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What the benchmarks print about a measured call: each call timed after an uncounted warm-up, then its latency
 * percentiles in milliseconds; and the machine's load average, to print beside every figure (a busy machine's figures
 * are not comparable with a quiet one's).
 *
 * @param nanos each counted call's time, sorted
 * @param lastResult what the last call returned (a count of rows found, say), for the report
 */
public record Latencies(long[] nanos, long lastResult) {

    /** Calls {@code call} {@code warmUp} times uncounted, then {@code rounds} times, timing each. */
    public static Latencies measure(int warmUp, int rounds, LongSupplier call) {
        long result = 0;
        for (int i = 0; i < warmUp; i++) {
            result = call.getAsLong();
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            result = call.getAsLong();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return new Latencies(nanos, result);
    }

    /** The latency at {@code percentile} (50, 95, 99, ...) in milliseconds. */
    public double millis(double percentile) {
        int index = (int) Math.ceil(percentile / 100 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
    }

    public double maxMillis() {
        return nanos[nanos.length - 1] / 1e6;
    }

    /** {@code p50 1.2 ms, p95 3.4 ms, p99 5.6 ms, max 7.8 ms}. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "p50 %6.1f ms, p95 %6.1f ms, p99 %6.1f ms, max %6.1f ms",
                millis(50),
                millis(95),
                millis(99),
                maxMillis());
    }

    /** The 1, 5 and 15 minute load averages and the running tasks ({@code /proc/loadavg}), or {@code unknown}. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
