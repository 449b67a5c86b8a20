package io.switchboard.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.netty.channel.Channel;
import io.switchboard.testing.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Issue 20's load: three application nodes (processes) on one PostgreSQL, two simulated PBXes (processes), the
 * desktops spread over the nodes (a third on each, in this JVM); both PBXes ring the agents at half the rate each.
 * Each PBX's link is read by one node only; a pop reaches a desktop on another node over the cluster bus (PostgreSQL
 * {@code LISTEN/NOTIFY}). It prints, per node, the links it owns, its desktops' pops and their latency (ring to
 * arrival at the desktop), then the AMI sessions per PBX and the CPU each node used in the measured phase.
 *
 * <pre>./mvnw -q -pl agent-api -am -Pbench-nodes test-compile [-Dbench.desktops=3000] [-Dbench.cps=100]
 * [-Dbench.seconds=60] [-Dbench.warmupSeconds=60]</pre>
 *
 * Target (issue 20): p99 of the pops that cross nodes at most 50 ms; one AMI session per PBX.
 */
public final class NodesBenchmark {

    private static final int NODES = 3;

    private NodesBenchmark() {}

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        BenchSettings settings = BenchSettings.fromSystemProperties();
        BenchSettings perPbx = settings.withCallsPerSecond(settings.callsPerSecond() / 2);
        Path work = Files.createDirectories(settings.workDirectory()).toAbsolutePath();
        Report.machine(settings);
        long began = System.nanoTime();
        try (Teardown teardown = new Teardown()) {
            Report.title("Setup: 3 nodes, 2 PBXes");
            EmbeddedPostgres postgres = teardown.add(SharedPostgres.start(true));
            String jdbcUrl = SharedPostgres.jdbcUrl(postgres);
            List<SimulatorProcess> pbxes = List.of(
                    teardown.add(SimulatorProcess.start(perPbx, work.resolve("simulator-a.log"))),
                    teardown.add(SimulatorProcess.start(perPbx, work.resolve("simulator-b.log"))));
            List<ServerProcess> nodes = new ArrayList<>();
            List<BenchApi> apis = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                // one after the other: the first migrates the database
                ServerProcess node = teardown.add(ServerProcess.start(
                        settings,
                        jdbcUrl,
                        pbxes.get(0).port(),
                        work.resolve("node-" + (i + 1) + ".log"),
                        nodeArguments(i, pbxes)));
                node.awaitHealthy(Duration.ofMinutes(3));
                nodes.add(node);
                apis.add(new BenchApi(node.httpPort()));
            }
            BenchData.users(jdbcUrl, settings.desktops(), settings.bcryptCost());
            long imported = BenchData.contacts(apis.get(0), settings.contacts());
            Report.step(
                    "%,d agents seeded, %,d contacts imported; nodes' logs in %s", settings.desktops(), imported, work);

            AmiTap tap = teardown.add(
                    AmiTap.connect(pbxes.get(0).port(), SimulatorProcess.USERNAME, SimulatorProcess.SECRET));
            DesktopFleet fleet = teardown.add(new DesktopFleet(2));
            List<PopRecorder> recorders = new ArrayList<>();
            List<List<Channel>> desktops = new ArrayList<>();
            long connecting = System.nanoTime();
            for (int node = 0; node < NODES; node++) {
                PopRecorder recorder = new PopRecorder(tap);
                recorders.add(recorder);
                List<Integer> agents = new ArrayList<>();
                for (int agent = node; agent < settings.desktops(); agent += NODES) {
                    agents.add(agent);
                }
                SessionOpener opener = new SessionOpener(fleet, apis.get(node));
                desktops.add(opener.open(
                        agents.stream().map(BenchData::agent).toList(),
                        k -> new DesktopHandler(BenchData.extension(agents.get(k)), recorder)));
                opener.awaitSessions(agents.size(), Duration.ofSeconds(120));
            }
            Report.step(
                    "%,d desktops connected, a third on each node, in %.1f s",
                    settings.desktops(), PopBenchmark.seconds(connecting));

            if (settings.warmupSeconds() > 0) {
                pbxes.forEach(pbx -> start(pbx, perPbx.warmupCalls()));
                Thread.sleep(settings.warmupSeconds() * 1000L);
                awaitNoCalls(apis, Duration.ofSeconds(150));
                Report.step("warm-up over (%d s, not measured)", settings.warmupSeconds());
            }
            long measuredFrom = BenchClock.wallMicros();
            recorders.forEach(recorder -> recorder.measureFrom(measuredFrom));
            double[] cpuBefore = cpu(nodes);
            long sentBefore = popsSent(apis);
            long loadStart = System.nanoTime();
            pbxes.forEach(pbx -> start(pbx, perPbx.totalCalls()));
            Thread.sleep(settings.loadSeconds() * 1000L);
            double[] cpuAfter = cpu(nodes);
            double wall = PopBenchmark.seconds(loadStart);
            awaitNoCalls(apis, Duration.ofSeconds(150));
            Thread.sleep(3_000); // the last pops' way over the bus, after the last call ended
            long sent = popsSent(apis) - sentBefore;

            Report.title(String.format(
                    "Measured: %s calls/s over 2 PBXes for %d s, %,d desktops on 3 nodes",
                    settings.callsPerSecond(), settings.loadSeconds(), settings.desktops()));
            long received = 0;
            for (int node = 0; node < NODES; node++) {
                PopRecorder.Snapshot pops = recorders.get(node).snapshot();
                received += pops.measuredPops();
                String links = apis.get(node)
                        .prometheus()
                        .lines()
                        .filter(line -> line.startsWith("switchboard_ami_link_owned{") && line.endsWith(" 1.0"))
                        .map(line -> line.replaceAll(".*pbx=\"([^\"]+)\".*", "$1"))
                        .toList()
                        .toString();
                Report.step(
                        "node-%d owns links %s: its desktops got %,d pops (%s); POP LATENCY %s",
                        node + 1,
                        links,
                        pops.measuredPops(),
                        links.equals("[]") ? "all from another node" : "some from another node",
                        Report.latency(pops.endToEnd()));
            }
            Report.step(
                    "pops sent by the nodes in the measured phase %,d, received at the desktops %,d", sent, received);
            for (int i = 0; i < pbxes.size(); i++) {
                String sessions = pbxes.get(i).sessions(work.resolve(i == 0 ? "simulator-a.log" : "simulator-b.log"));
                // PBX a also has the harness's own bare session (the tap that times the simulator's part)
                int tapSessions = i == 0 ? 1 : 0;
                Report.step(
                        "PBX %s: AMI sessions of the nodes %s (must be 1)%s",
                        i == 0 ? "a" : "b",
                        sessions.matches("\\d+")
                                ? Integer.toString(Integer.parseInt(sessions) - tapSessions)
                                : sessions,
                        tapSessions > 0 ? ", besides the harness's tap" : "");
            }
            for (int node = 0; node < NODES; node++) {
                Report.step(
                        "node-%d CPU in the measured %.0f s: %.1f s (%.0f %% of one core)",
                        node + 1,
                        wall,
                        cpuAfter[node] - cpuBefore[node],
                        100 * (cpuAfter[node] - cpuBefore[node]) / wall);
            }
            desktops.forEach(SessionOpener::closeAll);
        }
        System.out.printf("%nDone in %.0f s; load average now %s%n", PopBenchmark.seconds(began), Report.loadAverage());
    }

    /** Every node lists both PBXes; the leases give each link to one node, the bus relays its calls. */
    static List<String> nodeArguments(int node, List<SimulatorProcess> pbxes) {
        List<String> arguments = new ArrayList<>(List.of(
                "--switchboard.cluster.node-id=node-" + (node + 1), "--switchboard.cluster.call-events=from-owner"));
        for (int i = 0; i < pbxes.size(); i++) {
            String prefix = "--switchboard.pbxes[" + i + "].";
            arguments.add(prefix + "id=" + (i == 0 ? "a" : "b"));
            arguments.add(prefix + "host=127.0.0.1");
            arguments.add(prefix + "port=" + pbxes.get(i).port());
            arguments.add(prefix + "username=" + SimulatorProcess.USERNAME);
            arguments.add(prefix + "secret=" + SimulatorProcess.SECRET);
        }
        return arguments;
    }

    private static void start(SimulatorProcess pbx, long calls) {
        try {
            pbx.startLoad(calls);
        } catch (IOException e) {
            throw new IllegalStateException("The simulator is gone", e);
        }
    }

    private static long popsSent(List<BenchApi> apis) {
        return apis.stream()
                .mapToLong(api -> (long) api.metric("switchboard.screenpop.pops", null))
                .sum();
    }

    private static double[] cpu(List<ServerProcess> nodes) {
        return nodes.stream().mapToDouble(node -> CpuTime.seconds(node.pid())).toArray();
    }

    private static void awaitNoCalls(List<BenchApi> apis, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && apis.stream()
                                .mapToDouble(api -> api.metric("switchboard.calls.active", null))
                                .sum()
                        > 0) {
            Thread.sleep(500);
        }
    }
}
