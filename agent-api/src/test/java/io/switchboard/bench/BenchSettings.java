package io.switchboard.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The sizes of one run, from {@code -Dbench.*} system properties (the {@code bench} profile passes them on), with
 * the sizes as defaults.
 *
 * @param desktops agents with one desktop each during the pop phase; also the simulator's agents (extensions 2000..)
 * @param callsPerSecond new simulator calls per wall-clock second
 * @param warmupSeconds how long the same load runs first, unmeasured, while the server's JIT compiles the call path
 *     (its pops are reported apart, as the cold start)
 * @param loadSeconds how long the simulator starts calls in the measured phase
 * @param contacts contacts imported, numbered as the simulator's callers ({@code LoadProfile.callerNumber(0..)})
 * @param callerPool the simulator draws callers from the first this many numbers; more than {@code contacts} gives
 *     pops without a match ({@code 0}: as many as {@code contacts})
 * @param idleSessions WebSocket sessions held open for the heap figure, spread over the agents
 * @param bcryptCost the BCrypt cost of the seeded passwords: every token request with HTTP Basic checks one
 */
record BenchSettings(
        int desktops,
        double callsPerSecond,
        int warmupSeconds,
        int loadSeconds,
        int contacts,
        int callerPool,
        int idleSessions,
        double ringSeconds,
        double talkSeconds,
        double answerRate,
        int bcryptCost,
        String serverHeap,
        Path serverClasspathFile,
        Path serverClasses,
        Path workDirectory) {

    static BenchSettings fromSystemProperties() {
        int contacts = Integer.getInteger("bench.contacts", 100_000);
        int callerPool = Integer.getInteger("bench.callerPool", 0);
        BenchSettings settings = new BenchSettings(
                Integer.getInteger("bench.desktops", 1_000),
                Double.parseDouble(System.getProperty("bench.cps", "50")),
                Integer.getInteger("bench.warmupSeconds", 120),
                Integer.getInteger("bench.seconds", 60),
                contacts,
                callerPool > 0 ? callerPool : contacts,
                Integer.getInteger("bench.idleSessions", 10_000),
                Double.parseDouble(System.getProperty("bench.ringSeconds", "2")),
                Double.parseDouble(System.getProperty("bench.talkSeconds", "10")),
                Double.parseDouble(System.getProperty("bench.answerRate", "0.8")),
                Integer.getInteger("bench.bcryptCost", 4),
                System.getProperty("bench.serverHeap", "1g"),
                Path.of(require("bench.serverClasspathFile")),
                Path.of(require("bench.serverClasses")),
                Path.of(System.getProperty("bench.workDirectory", "target/popbench")));
        settings.check();
        return settings;
    }

    private void check() {
        if (desktops < 1
                || contacts < 1
                || callerPool < 1
                || idleSessions < 0
                || loadSeconds < 1
                || warmupSeconds < 0) {
            throw new IllegalArgumentException("bench sizes must be positive: " + this);
        }
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("bench.cps must be positive");
        }
    }

    /** The same run at another rate (each of several PBXes takes its part of the whole). */
    BenchSettings withCallsPerSecond(double rate) {
        return new BenchSettings(
                desktops,
                rate,
                warmupSeconds,
                loadSeconds,
                contacts,
                callerPool,
                idleSessions,
                ringSeconds,
                talkSeconds,
                answerRate,
                bcryptCost,
                serverHeap,
                serverClasspathFile,
                serverClasses,
                workDirectory);
    }

    long totalCalls() {
        return Math.round(callsPerSecond * loadSeconds);
    }

    long warmupCalls() {
        return Math.round(callsPerSecond * warmupSeconds);
    }

    /** Idle sessions each agent opens, so that {@link #idleSessions} are open in all. */
    int idleSessionsPerAgent() {
        return (idleSessions + desktops - 1) / desktops;
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "%,d desktops, %s calls/s for %d s after %d s of warm-up (ring %s s, talk %s s, answered %.0f%%), %,d contacts, callers"
                        + " from %,d numbers, %,d idle sessions, server -Xmx%s",
                desktops,
                callsPerSecond,
                loadSeconds,
                warmupSeconds,
                ringSeconds,
                talkSeconds,
                answerRate * 100,
                contacts,
                callerPool,
                idleSessions,
                serverHeap);
    }

    private static String require(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "-D" + name + " is missing: run the benchmark through the bench profile");
        }
        return value;
    }
}
