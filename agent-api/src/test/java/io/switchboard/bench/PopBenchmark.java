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
import java.util.stream.IntStream;
import org.slf4j.LoggerFactory;

/**
 * Issue 5's load: N desktops connected while the simulator rings their phones at a steady rate, pops measured at
 * the desktops; then the server's heap with M idle sessions. The server, the simulator and PostgreSQL run as
 * separate processes on loopback; this JVM is the desktops.
 *
 * <pre>./mvnw -q -pl agent-api -am -Pbench test-compile [-Dbench.desktops=1000] [-Dbench.cps=50]
 * [-Dbench.seconds=60] [-Dbench.contacts=100000] [-Dbench.idleSessions=10000]</pre>
 *
 * Targets (issue 5): pop p99 at most 20 ms; heap with 10,000 idle sessions at most 512 MiB.
 */
public final class PopBenchmark {

    private static final double MIB = 1024.0 * 1024.0;

    private PopBenchmark() {}

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path work = Files.createDirectories(settings.workDirectory()).toAbsolutePath();
        Report.machine(settings);
        long began = System.nanoTime();
        try (Teardown teardown = new Teardown()) {
            Report.title("Setup");
            EmbeddedPostgres postgres = teardown.add(SharedPostgres.start(true));
            String jdbcUrl = SharedPostgres.jdbcUrl(postgres);
            SimulatorProcess simulator = teardown.add(SimulatorProcess.start(settings, work.resolve("simulator.log")));
            long starting = System.nanoTime();
            ServerProcess server =
                    teardown.add(ServerProcess.start(settings, jdbcUrl, simulator.port(), work.resolve("server.log")));
            server.awaitHealthy(Duration.ofMinutes(3));
            Report.step(
                    "PostgreSQL (durable), simulator and server up; server pid %d started in %.1f s (logs in %s)",
                    server.pid(), seconds(starting), work);
            BenchData.users(jdbcUrl, settings.desktops(), settings.bcryptCost());
            BenchApi api = new BenchApi(server.httpPort());
            long importing = System.nanoTime();
            long imported = BenchData.contacts(api, settings.contacts());
            Report.step(
                    "%,d agents seeded; %,d contacts imported through the API in %.1f s",
                    settings.desktops(), imported, seconds(importing));

            AmiTap tap =
                    teardown.add(AmiTap.connect(simulator.port(), SimulatorProcess.USERNAME, SimulatorProcess.SECRET));
            PopRecorder recorder = new PopRecorder(tap);
            DesktopFleet fleet = teardown.add(new DesktopFleet(2));
            SessionOpener sessions = new SessionOpener(fleet, api);
            PopPhase.run(settings, server, postgres.getPort(), simulator, api, tap, recorder, sessions);
            if (settings.idleSessions() > 0) {
                heap(settings, server, sessions, recorder);
            }
        }
        System.out.printf("%nDone in %.0f s; load average now %s%n", seconds(began), Report.loadAverage());
    }

    /** Heap after full GCs with no session, then with the idle sessions open; the difference per session. */
    private static void heap(BenchSettings settings, ServerProcess server, SessionOpener sessions, PopRecorder recorder)
            throws Exception {
        Report.title(String.format("Heap: %,d idle sessions", settings.idleSessions()));
        sessions.awaitSessions(0, Duration.ofSeconds(30));
        ServerProcess.HeapUse before = server.heapAfterFullGc();
        long residentBefore = server.residentBytes();
        Report.step(
                "server heap after full GC, no session open: %.1f MiB (process resident: %.0f MiB)",
                before.usedMiB(), residentBefore / MIB);
        List<String> usernames = new ArrayList<>(settings.idleSessions());
        for (int i = 0; i < settings.idleSessions(); i++) {
            usernames.add(BenchData.agent(i % settings.desktops()));
        }
        long opening = System.nanoTime();
        List<Channel> idle = sessions.open(
                usernames, i -> new DesktopHandler(BenchData.extension(i % settings.desktops()), recorder));
        sessions.awaitSessions(settings.idleSessions(), Duration.ofSeconds(60));
        Report.step(
                "%,d sessions (%d per agent) opened in %.1f s, each with its own token",
                settings.idleSessions(), settings.idleSessionsPerAgent(), seconds(opening));
        int idleSeconds = Integer.getInteger("bench.idleWaitSeconds", 25);
        Thread.sleep(idleSeconds * 1000L);
        sessions.awaitSessions(settings.idleSessions(), Duration.ofSeconds(5));
        ServerProcess.HeapUse after = server.heapAfterFullGc();
        long residentAfter = server.residentBytes();
        Report.step("after %d s idle (server pings answered), all still open", idleSeconds);
        Report.step(
                "server heap after full GC, %,d sessions open: %.1f MiB of %.0f MiB committed (target <= 512 MiB:"
                        + " %s)",
                settings.idleSessions(),
                after.usedMiB(),
                after.committedBytes() / MIB,
                after.usedMiB() <= 512 ? "met" : "NOT met");
        Report.step(
                "per idle session: %,d bytes of heap (process resident %.0f MiB, was %.0f MiB: it also holds Netty's"
                        + " direct buffers, and the heap G1 has committed)",
                (after.usedBytes() - before.usedBytes()) / Math.max(1, settings.idleSessions()),
                residentAfter / MIB,
                residentBefore / MIB);
        SessionOpener.closeAll(idle);
    }

    static List<String> agents(int count) {
        return IntStream.range(0, count).mapToObj(BenchData::agent).toList();
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
