package io.switchboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The nodes benchmark's figures: what it notes when the measured load starts and ends, and what it prints after. CPU
 * seconds come from {@code /proc} for each process (each node, each simulator, PostgreSQL with its backends, this
 * harness JVM with the desktops), pops sent from the nodes' {@code switchboard.screenpop.pops}, calls rung from the
 * simulators' own count.
 */
final class NodesReport {

    private final BenchSettings settings;
    private final Path work;
    private final List<ServerProcess> nodes;
    private final List<BenchApi> apis;
    private final List<SimulatorProcess> pbxes;
    private final int postgresPort;
    private Map<String, Integer> owners;
    private double[] cpuBefore;
    private double[] cpuAfter;
    private long sentBefore;
    private long[] callsBefore;
    private String loadAverageBefore;
    private String loadAverageAtEnd;
    private long fromMicros;
    private long toMicros;
    private long startedNanos;
    private double wallSeconds;

    NodesReport(
            BenchSettings settings,
            Path work,
            List<ServerProcess> nodes,
            List<BenchApi> apis,
            List<SimulatorProcess> pbxes,
            int postgresPort) {
        this.settings = settings;
        this.work = work;
        this.nodes = nodes;
        this.apis = apis;
        this.pbxes = pbxes;
        this.postgresPort = postgresPort;
    }

    void before(Map<String, Integer> owners) throws Exception {
        this.owners = owners;
        loadAverageBefore = Report.loadAverage();
        sentBefore = popsSent();
        callsBefore = callsStarted();
        cpuBefore = cpu();
        fromMicros = BenchClock.wallMicros();
        startedNanos = System.nanoTime();
    }

    void loadOver(long wallMicros) {
        cpuAfter = cpu();
        wallSeconds = PopBenchmark.seconds(startedNanos);
        toMicros = wallMicros;
        loadAverageAtEnd = Report.loadAverage();
    }

    /** Waits until the desktops hold as many measured pops as the nodes sent (the last ones cross the bus). */
    void awaitPopsIn(List<NodePops> recorders, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && received(recorders) < popsSent() - sentBefore) {
            Thread.sleep(200);
        }
    }

    void print(List<NodePops> recorders, Map<String, Integer> ownersAfter) throws Exception {
        Report.title(String.format(
                Locale.ROOT,
                "Measured: %s calls/s over %d PBXes for %d s, %,d desktops on %d nodes",
                settings.callsPerSecond(),
                pbxes.size(),
                settings.loadSeconds(),
                settings.desktops(),
                nodes.size()));
        Histogram all = null;
        Histogram crossed = null;
        Histogram local = null;
        for (int node = 0; node < nodes.size(); node++) {
            NodePops.Snapshot pops = recorders.get(node).snapshot();
            all = merge(all, pops.all());
            crossed = merge(crossed, pops.crossed());
            local = merge(local, pops.local());
            Report.step(
                    "node-%d owns %s: its desktops got %,d pops (by PBX %s), %,d of them from another node",
                    node + 1,
                    NodeLinks.ownedBy(owners, node),
                    pops.all().getTotalCount(),
                    pops.byPbx(),
                    pops.crossed().getTotalCount());
            Report.step("    all pops:     %s", latency(pops.all()));
            Report.step("    crossed pops: %s", latency(pops.crossed()));
            Report.step("    local pops:   %s", latency(pops.local()));
            if (pops.unknownOwner() > 0 || !pops.closes().isEmpty()) {
                Report.step(
                        "    pops of a PBX without owner %,d; sessions closed by the server: %s",
                        pops.unknownOwner(), Report.counts(pops.closes()));
            }
        }
        Report.step("ALL NODES, all pops:     %s", latency(all));
        Report.step("ALL NODES, local pops:   %s", latency(local));
        Report.step("ALL NODES, CROSSED POPS: %s (target p99 <= 50 ms)", latency(crossed));
        long sent = popsSent() - sentBefore;
        long received = received(recorders);
        long[] callsAfter = callsStarted();
        long calls = 0;
        for (int i = 0; i < pbxes.size(); i++) {
            calls += callsAfter[i] - callsBefore[i];
        }
        Report.step(
                "calls rung by the PBXes %,d; pops sent by the nodes %,d; received at the desktops %,d (%s)",
                calls, sent, received, received == sent ? "none lost" : (sent - received) + " LOST");
        if (!ownersAfter.equals(owners)) {
            Report.step(
                    "THE LINKS MOVED during the load: %s before, %s after",
                    NodeLinks.describe(owners), NodeLinks.describe(ownersAfter));
        }
        for (int i = 0; i < pbxes.size(); i++) {
            String pbx = NodesBenchmark.PBXES.get(i);
            Report.step(
                    "PBX %s: AMI sessions %s (must be 1)",
                    pbx, pbxes.get(i).sessions(work.resolve("simulator-" + pbx + ".log")));
        }
        printCpu();
        Report.step("load average before the measured load %s, at its end %s", loadAverageBefore, loadAverageAtEnd);
    }

    /** Heap after two full GCs per node (jcmd), and each node's GC pauses in the measured load. */
    void heaps() throws Exception {
        for (int node = 0; node < nodes.size(); node++) {
            Path log = work.resolve("node-" + (node + 1) + ".log");
            Report.step(
                    "node-%d: GC pauses in the measured load %s; heap after full GC %.1f MiB",
                    node + 1,
                    GcPauses.between(ServerProcess.gcLog(settings, log), fromMicros, toMicros),
                    nodes.get(node).heapAfterFullGc().usedMiB());
        }
    }

    private void printCpu() {
        for (int node = 0; node < nodes.size(); node++) {
            Report.step(
                    "node-%d CPU in the measured %.0f s: %.1f s (%.0f %% of one core)",
                    node + 1,
                    wallSeconds,
                    cpuAfter[node] - cpuBefore[node],
                    100 * (cpuAfter[node] - cpuBefore[node]) / wallSeconds);
        }
        int i = nodes.size();
        StringBuilder rest = new StringBuilder();
        for (String pbx : NodesBenchmark.PBXES) {
            rest.append(String.format(Locale.ROOT, "simulator %s %.1f s, ", pbx, cpuAfter[i] - cpuBefore[i]));
            i++;
        }
        rest.append(String.format(
                Locale.ROOT,
                "PostgreSQL %.1f s, harness (desktops) %.1f s",
                cpuAfter[i] - cpuBefore[i],
                cpuAfter[i + 1] - cpuBefore[i + 1]));
        Report.step(
                "others in the measured %.0f s (%.0f core-seconds on this machine): %s",
                wallSeconds, wallSeconds * Runtime.getRuntime().availableProcessors(), rest);
    }

    /** Per node, then per simulator, then PostgreSQL, then this JVM. */
    private double[] cpu() {
        double[] seconds = new double[nodes.size() + pbxes.size() + 2];
        int i = 0;
        for (ServerProcess node : nodes) {
            seconds[i++] = CpuTime.seconds(node.pid());
        }
        for (SimulatorProcess pbx : pbxes) {
            seconds[i++] = CpuTime.seconds(pbx.pid());
        }
        seconds[i++] = CpuTime.postgres(postgresPort);
        seconds[i] = CpuTime.seconds(ProcessHandle.current().pid());
        return seconds;
    }

    private long[] callsStarted() throws Exception {
        long[] calls = new long[pbxes.size()];
        for (int i = 0; i < pbxes.size(); i++) {
            calls[i] = pbxes.get(i)
                    .stat(work.resolve("simulator-" + NodesBenchmark.PBXES.get(i) + ".log"), "callsStarted");
        }
        return calls;
    }

    private long popsSent() {
        return apis.stream()
                .mapToLong(api -> (long) api.metric("switchboard.screenpop.pops", null))
                .sum();
    }

    private static long received(List<NodePops> recorders) {
        return recorders.stream()
                .mapToLong(recorder -> recorder.snapshot().all().getTotalCount())
                .sum();
    }

    private static Histogram merge(Histogram sum, Histogram more) {
        if (sum == null) {
            return more.copy();
        }
        sum.add(more);
        return sum;
    }

    /** p50 / p95 / p99 / p99.9 / max of a histogram of microseconds, in milliseconds. */
    static String latency(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format(
                Locale.ROOT,
                "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%,d pops)",
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(95) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getValueAtPercentile(99.9) / 1000.0,
                micros.getMaxValue() / 1000.0,
                micros.getTotalCount());
    }
}
