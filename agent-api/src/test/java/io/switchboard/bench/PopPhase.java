package io.switchboard.bench;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Desktops connected; the simulator's load for the warm-up time, then again for the measured time, every pop timed at
 * its desktop; then the counts, the latencies and the server's own view of them.
 */
final class PopPhase {

    private PopPhase() {}

    static void run(
            BenchSettings settings,
            ServerProcess server,
            int postgresPort,
            SimulatorProcess simulator,
            BenchApi api,
            AmiTap tap,
            PopRecorder recorder,
            SessionOpener sessions)
            throws Exception {
        Report.title(String.format(
                "Pops: %,d desktops, %s calls/s for %d s",
                settings.desktops(), settings.callsPerSecond(), settings.loadSeconds()));
        long connecting = System.nanoTime();
        List<Channel> desktops = sessions.open(
                PopBenchmark.agents(settings.desktops()), i -> new DesktopHandler(BenchData.extension(i), recorder));
        sessions.awaitSessions(settings.desktops(), Duration.ofSeconds(60));
        Report.step("%,d desktops connected in %.1f s", settings.desktops(), PopBenchmark.seconds(connecting));

        if (settings.warmupSeconds() > 0) {
            warmUp(settings, api, tap, recorder, simulator);
        }
        long measuredFrom = BenchClock.wallMicros();
        recorder.measureFrom(measuredFrom);
        tap.resetSimulatorLag();
        long rungBefore = tap.agentCalledCount();
        long popsBefore = recorder.snapshot().pops();
        CpuTime cpuBefore = CpuTime.now(server, simulator, postgresPort);
        simulator.startLoad(settings.totalCalls());
        long loadStart = System.nanoTime();
        for (int second = 10; second <= settings.loadSeconds(); second += 10) {
            sleepUntil(loadStart, second);
            Report.step(
                    "t=%3d s: agents rung %,d, pops received %,d, load average %s",
                    second,
                    tap.agentCalledCount() - rungBefore,
                    recorder.snapshot().pops() - popsBefore,
                    Report.loadAverage());
        }
        sleepUntil(loadStart, settings.loadSeconds());
        long loadEnd = System.nanoTime();
        awaitNoCalls(api, Duration.ofSeconds(150));
        Report.step("load over; the last calls ended %.1f s later", PopBenchmark.seconds(loadEnd));
        awaitPops(api, recorder, loadEnd);
        long measuredTo = BenchClock.wallMicros();
        Report.step(
                "GC pauses in the measured phase: server %s; desktops (this JVM) %s",
                GcPauses.between(settings.workDirectory().resolve("server-gc.log"), measuredFrom, measuredTo),
                GcPauses.between(settings.workDirectory().resolve("harness-gc.log"), measuredFrom, measuredTo));
        Report.step(
                "%s", CpuTime.now(server, simulator, postgresPort).since(cpuBefore, PopBenchmark.seconds(loadStart)));
        print(api, tap, recorder.snapshot(), rungBefore, popsBefore);
        recorder.writeCsv(settings.workDirectory().resolve("pops.csv"));
        SessionOpener.closeAll(desktops);
    }

    /** The same load, unmeasured, so that the measured minute finds the call path compiled; reported as cold start. */
    private static void warmUp(
            BenchSettings settings, BenchApi api, AmiTap tap, PopRecorder recorder, SimulatorProcess simulator)
            throws Exception {
        simulator.startLoad(settings.warmupCalls());
        Thread.sleep(settings.warmupSeconds() * 1000L);
        long loadEnd = System.nanoTime();
        awaitNoCalls(api, Duration.ofSeconds(150));
        awaitPops(api, recorder, loadEnd);
        PopRecorder.Snapshot pops = recorder.snapshot();
        Report.step(
                "warm-up (cold start, not measured): %,d calls in %d s, %,d agents rung, %,d pops; pop latency %s",
                settings.warmupCalls(),
                settings.warmupSeconds(),
                tap.agentCalledCount(),
                pops.pops(),
                Report.latency(pops.warmup()));
    }

    private static void print(BenchApi api, AmiTap tap, PopRecorder.Snapshot pops, long rungBefore, long popsBefore) {
        Report.step(
                "measured phase: agents rung (AgentCalled on the AMI tap) %,d; pops received %,d",
                tap.agentCalledCount() - rungBefore, pops.measuredPops());
        Report.step(
                "whole run: pops sent by the server %,d (unknown agents %,d, failures %,d), received %,d; with a matched"
                        + " contact %,d (%s)",
                (long) api.metric("switchboard.screenpop.pops", null),
                (long) api.metric("switchboard.screenpop.unknown.agents", null),
                (long) api.metric("switchboard.screenpop.failures", null),
                pops.pops(),
                pops.matched(),
                Report.counts(pops.ranks()));
        Report.step("POP LATENCY at the desktop (receipt - ringingAt): %s", Report.latency(pops.endToEnd()));
        Report.step("  the simulator's part (Timestamp - read at tap): %s", Report.latency(tap.simulatorLag()));
        Report.step(
                "  the server's part (read at tap - pop received): %s (%,d pops arrived before the tap read their"
                        + " event, counted as 0; %,d never matched)",
                Report.latency(pops.server()), pops.beforeTap(), pops.neverTapped());
        String scrape = api.prometheus();
        Report.step(
                "  in the server: AMI event read to call tracker %s; caller lookups mean %.2f ms, max %s",
                Scrape.nonZero(Scrape.series(scrape, "switchboard_ami_event_age_seconds"), 1000, " ms"),
                mean(scrape, "switchboard_contacts_lookup_seconds") * 1000,
                Scrape.nonZero(Scrape.series(scrape, "switchboard_contacts_lookup_seconds_max"), 1000, " ms"));
        Report.step(
                "  AMI events: received by type %s; dropped unread %s",
                Scrape.nonZero(Scrape.series(scrape, "switchboard_ami_events_received_total"), 1, ""),
                Scrape.nonZero(Scrape.series(scrape, "switchboard_ami_events_unread_total"), 1, ""));
        Map<String, Double> serverLatency = Scrape.series(scrape, "switchboard_edge_pop_latency_seconds");
        Map<String, Double> serverMax = Scrape.series(scrape, "switchboard_edge_pop_latency_seconds_max");
        Report.step(
                "  the server's metric (event stamp - frame written, last 2 min): %s; max %s",
                Scrape.nonZero(serverLatency, 1000, " ms"), Scrape.nonZero(serverMax, 1000, " ms"));
        Report.step("other messages received: %s", Report.counts(pops.otherMessages()));
        Report.step(
                "edge messages sent %s; replaced %s; dropped %s",
                Scrape.nonZero(Scrape.series(scrape, "switchboard_edge_messages_sent_total"), 1, ""),
                Scrape.nonZero(Scrape.series(scrape, "switchboard_edge_messages_replaced_total"), 1, ""),
                Scrape.nonZero(Scrape.series(scrape, "switchboard_edge_messages_dropped_total"), 1, ""));
        Report.step(
                "sessions closed by the server: %s; call events dropped: %s",
                Report.counts(pops.closes()),
                Scrape.nonZero(Scrape.series(scrape, "switchboard_calls_subscriber_dropped_total"), 1, ""));
    }

    /** Sum over count of a timer, all its series together. */
    private static double mean(String scrape, String timer) {
        double sum = Scrape.series(scrape, timer + "_sum").values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        double count = Scrape.series(scrape, timer + "_count").values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        return count == 0 ? 0 : sum / count;
    }

    /** Waits until every pop the server sent has arrived, or none has for 15 s (at most 3 minutes). */
    private static void awaitPops(BenchApi api, PopRecorder recorder, long loadEnd) throws InterruptedException {
        long sent = (long) api.metric("switchboard.screenpop.pops", null);
        long received = recorder.snapshot().pops();
        long progress = System.nanoTime();
        long deadline = progress + Duration.ofMinutes(3).toNanos();
        while (received < sent && System.nanoTime() - progress < 15_000_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(500);
            long now = recorder.snapshot().pops();
            if (now > received) {
                received = now;
                progress = System.nanoTime();
            }
        }
        Report.step(
                "%,d of the %,d pops sent had arrived %.1f s after the load ended%s",
                received,
                sent,
                PopBenchmark.seconds(loadEnd),
                received < sent ? " (none for the last 15 s: given up)" : "");
    }

    private static void awaitNoCalls(BenchApi api, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && api.metric("switchboard.calls.active", null) > 0) {
            Thread.sleep(500);
        }
    }

    private static void sleepUntil(long startNanos, int second) throws InterruptedException {
        long wait = startNanos + second * 1_000_000_000L - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
