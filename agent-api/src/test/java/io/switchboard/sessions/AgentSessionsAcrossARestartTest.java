package io.switchboard.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.SwitchboardApplication;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.testing.SharedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Agent sessions are stored as they happen: an agent logs in to a queue, pauses for lunch, comes back and takes a
 * call through the simulator over AMI; the application stops, starts again on the same database, and the day's
 * report still has all of it.
 */
class AgentSessionsAcrossARestartTest {

    /** An extension of this run's own: the database may hold other tests' (and earlier runs') agents. */
    private static final String EXTENSION = "74" + (1000 + new java.util.Random().nextInt(9000));

    @Test
    void whatAnAgentDidBeforeARestartIsInTheReportAfterIt() throws Exception {
        String username = "sessions-restart-" + EXTENSION;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (ConfigurableApplicationContext first = start()) {
            Directory directory = first.getBean(Directory.class);
            if (directory.findByUsername(username).isEmpty()) {
                directory.add(new NewUser(username, "Restart Agent", Role.AGENT, null, EXTENSION));
            }
            awaitLink(first);
            PbxCommands pbx = first.getBean(PbxCommands.class);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            pbx.queueAdd("support", EXTENSION, "Restart Agent", false).get(10, TimeUnit.SECONDS);
            awaitRows(jdbc, "STATE", 1);
            pbx.queuePause("support", EXTENSION, true, "Lunch").get(10, TimeUnit.SECONDS);
            awaitRows(jdbc, "STATE", 2);
            Thread.sleep(1_100); // a second of lunch, so that it shows in whole seconds
            pbx.queuePause("support", EXTENSION, false, null).get(10, TimeUnit.SECONDS);
            awaitRows(jdbc, "STATE", 3);
            first.getBean(AmiSimulator.class)
                    .run(new QueueCallAnswered(
                            new Caller("+4930555" + EXTENSION, "Caller", "500"),
                            "support",
                            EXTENSION,
                            1,
                            2,
                            HangupBy.CALLER))
                    .get(20, TimeUnit.SECONDS);
            awaitRows(jdbc, "CALL", 1);
        }

        try (ConfigurableApplicationContext second = start()) {
            DirectoryUser admin = adminOf(second.getBean(Directory.class));
            System.out.println(
                    "DEBUG-ROWS " + second.getBean(JdbcTemplate.class).queryForList("select * from agent_events"));
            AgentSessionReport report =
                    second.getBean(AgentSessions.class).report(today, today, EXTENSION, admin.viewer());

            assertThat(report.days()).hasSize(1);
            AgentDay day = report.days().get(0);
            assertThat(day.agent()).isEqualTo(EXTENSION);
            assertThat(day.username()).isEqualTo(username);
            assertThat(day.callsTaken()).isEqualTo(1);
            assertThat(day.talkSeconds()).isBetween(1L, 3L);
            assertThat(day.pausedByReason()).containsOnlyKeys("Lunch");
            assertThat(day.pausedByReason().get("Lunch")).isGreaterThanOrEqualTo(1L);
            assertThat(day.loggedInSeconds()).isGreaterThanOrEqualTo(day.pausedSeconds() + day.talkSeconds());
            // membership and pauses only: the ringing and busy states of the call wrote no rows
            assertThat(second.getBean(JdbcTemplate.class)
                            .queryForList(
                                    "select state from agent_events where agent = ? and kind = 'STATE' order by id",
                                    String.class,
                                    EXTENSION))
                    .containsExactly("LOGGED_IN", "PAUSED", "LOGGED_IN");
        }
    }

    private static DirectoryUser adminOf(Directory directory) {
        return directory
                .findByUsername("sessions-restart-admin")
                .orElseGet(() -> directory.add(new NewUser("sessions-restart-admin", "Admin", Role.ADMIN, null, null)));
    }

    private static void awaitLink(ConfigurableApplicationContext context) {
        AmiGateway gateway = context.getBean(AmiGateway.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.linkStatus().state() == LinkStatus.State.UP);
    }

    private static void awaitRows(JdbcTemplate jdbc, String kind, int rows) {
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.queryForObject(
                                "select count(*) from agent_events where agent = ? and kind = ?",
                                Integer.class,
                                EXTENSION,
                                kind),
                        count -> count >= rows);
    }

    private static ConfigurableApplicationContext start() throws IOException {
        int amiPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            amiPort = socket.getLocalPort();
        }
        // as command-line arguments: they must win over application.yml (builder properties are only defaults)
        return new SpringApplicationBuilder(SwitchboardApplication.class)
                .run(
                        "--spring.main.banner-mode=off",
                        "--server.port=0",
                        "--spring.datasource.url=" + SharedPostgres.jdbcUrl(SharedPostgres.get()),
                        "--spring.datasource.username=postgres",
                        "--switchboard.ami.port=" + amiPort,
                        "--switchboard.simulator.calls-per-second=0",
                        // the simulator at the wall clock's pace: its event times are the report's, and "now" ends
                        // today's report
                        "--switchboard.simulator.time-scale=1",
                        "--switchboard.demo.seed=false",
                        "--switchboard.edge.port=0",
                        "--switchboard.webhook.enabled=false",
                        "--switchboard.dialer.enabled=false");
    }
}
