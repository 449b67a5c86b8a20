package io.switchboard.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.netty.channel.Channel;
import io.switchboard.testing.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Issue 20's load: three application nodes (processes) on one PostgreSQL, two simulated PBXes (processes), the
 * desktops spread over the nodes (a third on each, in this JVM, on one small Netty event loop group); both PBXes ring
 * the agents at half the rate each. Each PBX's link is read by one node only, and the links spread over the nodes; a
 * pop reaches a desktop on another node over the cluster bus (PostgreSQL {@code LISTEN/NOTIFY}). {@link NodesReport}
 * prints what it measured.
 *
 * <pre>./mvnw -q -pl agent-api -am -Pbench-nodes test-compile [-Dbench.desktops=3000] [-Dbench.cps=100]
 * [-Dbench.seconds=60] [-Dbench.warmupSeconds=120] [-Dbench.data-dir=/tmp/bench-data/bench3]</pre>
 *
 * Target (issue 20): p99 of the pops that cross nodes at most 50 ms; one AMI session per PBX.
 */
public final class NodesBenchmark {

    static final int NODES = 3;
    static final List<String> PBXES = List.of("a", "b");

    private NodesBenchmark() {}

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        BenchSettings settings = BenchSettings.fromSystemProperties();
        BenchSettings perPbx = settings.withCallsPerSecond(settings.callsPerSecond() / PBXES.size());
        Path work = Files.createDirectories(settings.workDirectory()).toAbsolutePath();
        Report.machine(settings);
        long began = System.nanoTime();
        try (Teardown teardown = new Teardown()) {
            Report.title("Setup: 3 nodes, 2 PBXes");
            String dataDirectory = System.getProperty("bench.data-dir", "");
            EmbeddedPostgres postgres = teardown.add(postgres(dataDirectory));
            String jdbcUrl = SharedPostgres.jdbcUrl(postgres);
            List<SimulatorProcess> pbxes = new ArrayList<>();
            for (int i = 0; i < PBXES.size(); i++) {
                Path log = work.resolve("simulator-" + PBXES.get(i) + ".log");
                pbxes.add(teardown.add(SimulatorProcess.start(perPbx, NodesData.agentsOn(i, settings), log)));
            }
            List<ServerProcess> nodes = new ArrayList<>();
            List<BenchApi> apis = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                // one after the other: the first migrates the database (and, alone, takes both links)
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
            long seeding = System.nanoTime();
            NodesData.ensure(jdbcUrl, apis.get(0), settings, dataDirectory);
            Report.step("data ready in %.1f s; nodes' logs in %s", PopBenchmark.seconds(seeding), work);
            long settling = System.nanoTime();
            Map<String, Integer> owners = NodeLinks.awaitSpread(apis, Duration.ofSeconds(60));
            Report.step(
                    "links spread over the nodes %.1f s after the last node was healthy: %s",
                    PopBenchmark.seconds(settling), NodeLinks.describe(owners));

            DesktopFleet fleet = teardown.add(new DesktopFleet(2));
            List<NodePops> recorders = new ArrayList<>();
            List<List<Channel>> desktops = new ArrayList<>();
            long connecting = System.nanoTime();
            for (int node = 0; node < NODES; node++) {
                NodePops recorder = new NodePops(node);
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
                pbxes.forEach(pbx -> pbx.startLoadOrFail(perPbx.warmupCalls()));
                Thread.sleep(settings.warmupSeconds() * 1000L);
                NodeLinks.awaitNoCalls(apis, Duration.ofSeconds(150));
                Report.step("warm-up over (%d s, not measured)", settings.warmupSeconds());
            }

            NodesReport report = new NodesReport(settings, work, nodes, apis, pbxes, postgres.getPort());
            owners = NodeLinks.owners(apis);
            long measuredFrom = BenchClock.wallMicros();
            for (NodePops recorder : recorders) {
                recorder.measureFrom(measuredFrom, owners);
            }
            report.before(owners);
            pbxes.forEach(pbx -> pbx.startLoadOrFail(perPbx.totalCalls()));
            Thread.sleep(settings.loadSeconds() * 1000L);
            report.loadOver(BenchClock.wallMicros());
            NodeLinks.awaitNoCalls(apis, Duration.ofSeconds(150));
            report.awaitPopsIn(recorders, Duration.ofSeconds(15));
            report.print(recorders, NodeLinks.owners(apis));
            desktops.forEach(SessionOpener::closeAll);
            report.heaps();
        }
        System.out.printf("%nDone in %.0f s; load average now %s%n", PopBenchmark.seconds(began), Report.loadAverage());
    }

    /** Every node lists both PBXes; the leases give each link to one node, the bus relays its calls. */
    static List<String> nodeArguments(int node, List<SimulatorProcess> pbxes) {
        List<String> arguments = new ArrayList<>(List.of(
                "--switchboard.cluster.node-id=node-" + (node + 1), "--switchboard.cluster.call-events=from-owner"));
        for (int i = 0; i < pbxes.size(); i++) {
            String prefix = "--switchboard.pbxes[" + i + "].";
            arguments.add(prefix + "id=" + PBXES.get(i));
            arguments.add(prefix + "host=127.0.0.1");
            arguments.add(prefix + "port=" + pbxes.get(i).port());
            arguments.add(prefix + "username=" + SimulatorProcess.USERNAME);
            arguments.add(prefix + "secret=" + SimulatorProcess.SECRET);
        }
        return arguments;
    }

    /** A throw-away server, or with {@code bench.data-dir} one whose data (agents, contacts) stays for the next run. */
    private static EmbeddedPostgres postgres(String dataDirectory) throws Exception {
        if (dataDirectory.isBlank()) {
            return SharedPostgres.start(true);
        }
        Files.createDirectories(Path.of(dataDirectory));
        return EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(dataDirectory))
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .start();
    }
}
