package io.switchboard.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.testing.Api;
import io.switchboard.testing.SharedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The application killed in the middle of a call (SIGKILL: no shutdown hook, nothing flushed) and started again on
 * the same PostgreSQL and the same Asterisk: the new process learns the call from Asterisk's listings after its
 * login, follows it to its end and logs it exactly once. Each application is a JVM of its own on the test run's
 * classpath without the test classes.
 */
@Tag("asterisk") // run by agent-api's own asterisk-suite Surefire execution (pom.xml)
@ExtendWith(RequiresAsterisk.class)
class ApplicationKilledMidCallOnAsteriskTest {

    private static final String DATABASE = "asterisk_killed";
    private static final String ADMIN = "admin";
    private static final String PASSWORD = ApplicationOnAsterisk.PASSWORD;
    private static final String CALLER = "+4930777999";

    @Test
    void aCallInProgressWhenTheApplicationIsKilledIsResyncedByTheNextStartAndLoggedOnce() throws Exception {
        // the two processes' logs, kept for a failure's diagnosis
        Path logs = Files.createDirectories(Path.of("target", "asterisk-killed-mid-call"));
        AsteriskRig rig = AsteriskRig.shared();
        String url = freshDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        rig.resetPhones();
        supportMember(rig, "1001");
        rig.phone("1001", "1", 300);

        try (ApplicationProcess first = ApplicationProcess.start(url, rig, logs.resolve("first.log"))) {
            first.awaitHealthy();
            adminIn(jdbc); // the first start on an empty database waits for its first admin; this is one
            rig.callIn("500", CALLER, "Kill Nine", 300);
            await().atMost(Duration.ofSeconds(30)).until(() -> first.liveCalls().contains(CALLER));
            await().atMost(Duration.ofSeconds(10)).until(() -> agentTalking(rig, "1001"));

            first.kill();
        }
        assertThat(activitiesOf(jdbc))
                .as("a killed process writes nothing more")
                .isEmpty();

        try (ApplicationProcess second = ApplicationProcess.start(url, rig, logs.resolve("second.log"))) {
            second.awaitHealthy();
            // started after the call did: it can only know it from the listings it asks for after its login
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> second.liveCalls().contains(CALLER));
            assertThat(rig.activeChannels()).as("the call is still going on").isPositive();

            rig.hangUpEveryCustomer();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !activitiesOf(jdbc).isEmpty());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !second.liveCalls().contains(CALLER));
            second.stop(); // a clean stop flushes whatever is still buffered: nothing can be logged after it
        }
        List<Map<String, Object>> activities = activitiesOf(jdbc);
        assertThat(activities).as("logged exactly once").hasSize(1);
        assertThat(activities.get(0))
                .containsEntry("direction", "INBOUND")
                .containsEntry("outcome", "ANSWERED")
                .containsEntry("queue", "support")
                .containsEntry("agent_extension", "1001");
    }

    private static List<Map<String, Object>> activitiesOf(JdbcTemplate jdbc) {
        return jdbc.queryForList("select * from activities where caller_number = ?", CALLER);
    }

    /** A database of this test's own, empty, as a first start finds it. */
    private static String freshDatabase() throws SQLException {
        try (Connection connection = SharedPostgres.get().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        return SharedPostgres.get().getJdbcUrl("postgres", DATABASE);
    }

    private static void adminIn(JdbcTemplate jdbc) {
        jdbc.update(
                "insert into users (id, username, display_name, role, password_hash, active, created_at)"
                        + " values (nextval('users_seq'), ?, 'Admin', 'ADMIN', ?, true, now())",
                ADMIN,
                "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
    }

    /** Agent 1001 in the sample's support queue, as logging in from Switchboard makes them (the rig is shared). */
    private static void supportMember(AsteriskRig rig, String extension) {
        String member = "Local/" + extension + "@agent-sim/n";
        if (!rig.pbxCli("queue show support").contains(member)) {
            rig.pbxCli("queue add member " + member + " to support penalty 0 as \"Agent " + extension
                    + "\" state_interface Custom:" + extension);
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> rig.pbxCli("queue show support").contains(member));
        await().atMost(SampleConfiguration.WRAP_UP.plusSeconds(10))
                .until(() -> ApplicationOnAsterisk.wrapUpOver(rig.pbxCli("queue show support")));
    }

    private static boolean agentTalking(AsteriskRig rig, String extension) {
        return rig.pbxCli("core show channels")
                .lines()
                .anyMatch(line -> line.startsWith("Local/" + extension + "@agent-sim") && line.contains(" Up "));
    }

    /** The application in a JVM of its own, connected straight to the PBX's AMI port. */
    private static final class ApplicationProcess implements AutoCloseable {

        private final Process process;
        private final Api api;
        private final Path log;

        private ApplicationProcess(Process process, int port, Path log) {
            this.process = process;
            this.api = new Api(port);
            this.log = log;
        }

        static ApplicationProcess start(String jdbcUrl, AsteriskRig rig, Path log) throws IOException {
            int port = freePort();
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    // a quicker start (C1 only) on the test machine's two shared cores; the run is short
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    applicationClasspath(),
                    "io.switchboard.SwitchboardApplication",
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--spring.main.banner-mode=off",
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres",
                    "--switchboard.demo.seed=false",
                    "--switchboard.simulator.enabled=false",
                    "--switchboard.ami.port=" + rig.pbxAmiPort(),
                    "--switchboard.ami.secret=" + rig.amiSecret(),
                    "--switchboard.ami.max-backoff=1s",
                    "--switchboard.queues.wrap-up=" + SampleConfiguration.WRAP_UP.toSeconds() + "s",
                    "--switchboard.edge.port=0");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ApplicationProcess(process, port, log);
        }

        /** What switchboard.jar holds: the test run's classpath without test classes and test jars. */
        private static String applicationClasspath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar"))
                    .collect(Collectors.joining(File.pathSeparator));
        }

        /** Health UP: the database migrated and the AMI link up. */
        void awaitHealthy() {
            // a start takes about 15 s on an idle machine, minutes on a loaded one
            await().atMost(Duration.ofSeconds(300))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> {
                        assertThat(process.isAlive())
                                .as("the application exited; see " + log)
                                .isTrue();
                        return api.call("GET", "/actuator/health", null, null, null)
                                        .statusCode()
                                == 200;
                    });
        }

        /** The calls the application follows now ({@code GET /api/v1/calls}), as JSON text. */
        String liveCalls() {
            HttpResponse<String> calls = api.call("GET", "/api/v1/calls", ADMIN, PASSWORD, null);
            assertThat(calls.statusCode()).as(calls.body()).isEqualTo(200);
            return calls.body();
        }

        /** kill -9: the JVM gets no chance to run a shutdown hook or flush anything. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        }

        /** A clean stop (SIGTERM): Spring closes the application, writing what it still holds. */
        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
