package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.cluster.ClusterMessage;
import io.switchboard.gateway.cluster.ClusterMetrics;
import io.switchboard.gateway.cluster.ClusterTopic;
import io.switchboard.gateway.cluster.NodeId;
import io.switchboard.testing.RestartablePostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The PostgreSQL transport on a real PostgreSQL that the tests can cut and restart. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresClusterBusTest {

    record Note(String text) {}

    private static final ClusterTopic<Note> NOTES = ClusterTopic.of("notes", Note.class);

    private RestartablePostgres postgres;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<PostgresClusterBus> buses = new ArrayList<>();

    @BeforeAll
    void postgresWithTheLargeMessagesTable() throws Exception {
        postgres = RestartablePostgres.start();
        try (InputStream migration = getClass().getResourceAsStream("/db/migration/V23_5__cluster_messages.sql");
                Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void closeBuses() {
        buses.forEach(PostgresClusterBus::close);
        buses.clear();
    }

    @AfterAll
    void stopPostgres() {
        postgres.close();
    }

    private PostgresClusterBus node(String name) {
        NodeId node = new NodeId(name);
        PostgresClusterBus bus = new PostgresClusterBus(
                node,
                purpose -> {
                    Properties settings = new Properties();
                    settings.setProperty("ApplicationName", "switchboard-cluster-" + purpose + "-" + node);
                    settings.setProperty("connectTimeout", "2");
                    return DriverManager.getConnection(postgres.jdbcUrl(), settings);
                },
                new ClusterMetrics(registry, Clock.systemUTC()),
                1000,
                Duration.ofMillis(500),
                Duration.ofMinutes(5));
        buses.add(bus);
        bus.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.state().connected());
        return bus;
    }

    private double counter(String name, String topic) {
        var counter = registry.find("switchboard.cluster.messages." + name)
                .tag("topic", topic)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aMessageReachesTheOtherNodesInOrderAndNotItsPublisher() {
        PostgresClusterBus a = node("pg-a");
        PostgresClusterBus b = node("pg-b");
        PostgresClusterBus c = node("pg-c");
        List<Note> atA = new CopyOnWriteArrayList<>();
        List<Note> atB = new CopyOnWriteArrayList<>();
        List<ClusterMessage> atC = new CopyOnWriteArrayList<>();
        a.subscribe(NOTES, atA::add);
        b.subscribe(NOTES, atB::add);
        c.subscribe("notes", atC::add);

        for (int i = 0; i < 100; i++) {
            a.publish(NOTES, new Note("n" + i));
        }
        // two equal messages are two messages, not one (PostgreSQL merges equal notifications of a transaction)
        a.publish(NOTES, new Note("same"));
        a.publish(NOTES, new Note("same"));
        // the publisher hears the other nodes: its silence about its own messages is shown by b's message arriving
        b.publish(NOTES, new Note("from b"));

        await().atMost(Duration.ofSeconds(10)).until(() -> atB.size() == 102 && atA.size() == 1 && atC.size() == 103);
        assertThat(atB.subList(0, 100)).extracting(Note::text).isEqualTo(texts(100));
        assertThat(atB.subList(100, 102)).extracting(Note::text).containsExactly("same", "same");
        assertThat(atA).containsExactly(new Note("from b"));
        // one node's messages keep their order; the two nodes' messages interleave as they come
        assertThat(atC.stream().filter(message -> message.from().equals(new NodeId("pg-a"))))
                .hasSize(102)
                .extracting(ClusterMessage::payload)
                .startsWith("{\"text\":\"n0\"}", "{\"text\":\"n1\"}");
        assertThat(atC.stream().filter(message -> message.from().equals(new NodeId("pg-b"))))
                .hasSize(1);
        assertThat(registry.get("switchboard.cluster.lag")
                        .tag("topic", "notes")
                        .timer()
                        .count())
                .isEqualTo(102 + 1 + 103);
    }

    @Test
    void aMessageOverTheNotificationLimitTravelsThroughTheTable() throws SQLException {
        PostgresClusterBus a = node("big-a");
        PostgresClusterBus b = node("big-b");
        List<Note> atB = new CopyOnWriteArrayList<>();
        b.subscribe(NOTES, atB::add);
        String large = "é".repeat(30_000); // 60,000 bytes in UTF-8

        a.publish(NOTES, new Note(large));
        a.publish(NOTES, new Note("small after"));

        await().atMost(Duration.ofSeconds(10)).until(() -> atB.size() == 2);
        assertThat(atB.get(0).text()).isEqualTo(large);
        assertThat(atB.get(1).text()).isEqualTo("small after");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from cluster_messages where node = 'big-a'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void messagesFlowAgainAfterTheListeningConnectionIsTerminated() throws SQLException {
        PostgresClusterBus a = node("cut-a");
        PostgresClusterBus b = node("cut-b");
        List<Note> atB = new CopyOnWriteArrayList<>();
        b.subscribe(NOTES, atB::add);
        a.publish(NOTES, new Note("before"));
        await().atMost(Duration.ofSeconds(10)).until(() -> atB.size() == 1);

        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where application_name in ('switchboard-cluster-listen-cut-b',"
                        + " 'switchboard-cluster-publish-cut-a')")) {
            int terminated = 0;
            while (rows.next()) {
                terminated += rows.getBoolean(1) ? 1 : 0;
            }
            assertThat(terminated).isEqualTo(2);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> b.state().reconnects() == 1 && b.state().connected());

        a.publish(NOTES, new Note("after"));

        await().atMost(Duration.ofSeconds(10)).until(() -> atB.size() == 2);
        assertThat(atB.get(1)).isEqualTo(new Note("after"));
    }

    @Test
    void messagesFlowAgainAfterTheDatabaseRestarts() {
        PostgresClusterBus a = node("restart-a");
        PostgresClusterBus b = node("restart-b");
        List<Note> atB = new CopyOnWriteArrayList<>();
        b.subscribe(NOTES, atB::add);
        a.publish(NOTES, new Note("before"));
        await().atMost(Duration.ofSeconds(10)).until(() -> atB.size() == 1);

        postgres.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !b.state().connected());
        double droppedBefore = counter("dropped", "notes");
        var missed = registry.find("switchboard.cluster.messages.missed").counter();
        double missedBefore = missed == null ? 0 : missed.count();
        a.publish(NOTES, new Note("while down"));
        await().atMost(Duration.ofSeconds(10)).until(() -> counter("dropped", "notes") == droppedBefore + 1);
        postgres.startAgain();
        await().atMost(Duration.ofSeconds(15)).until(() -> b.state().connected());

        a.publish(NOTES, new Note("after"));

        await().atMost(Duration.ofSeconds(10)).until(() -> atB.size() == 2);
        assertThat(atB).extracting(Note::text).containsExactly("before", "after");
        assertThat(b.state().reconnects()).isEqualTo(1);
        // the receiver sees the hole in the publisher's sequence: one message it will never get
        assertThat(registry.get("switchboard.cluster.messages.missed").counter().count())
                .isEqualTo(missedBefore + 1);
    }

    private static List<String> texts(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add("n" + i);
        }
        return texts;
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
