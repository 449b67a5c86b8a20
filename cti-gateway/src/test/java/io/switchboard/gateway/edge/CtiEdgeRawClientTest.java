package io.switchboard.gateway.edge;

import static io.switchboard.gateway.edge.EdgeTestSupport.ALICE;
import static io.switchboard.gateway.edge.EdgeTestSupport.ORIGIN;
import static io.switchboard.gateway.edge.EdgeTestSupport.json;
import static io.switchboard.gateway.edge.EdgeTestSupport.pop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Clients the JDK's WebSocket client cannot play: one that never answers pings, one that stops reading. */
class CtiEdgeRawClientTest {

    private static final int PENDING_LIMIT = 8;
    private static final String PADDING = "x".repeat(2048);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EdgeTokens tokens = EdgeTestSupport.tokens();
    private CtiEdge edge;

    @AfterEach
    void stop() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void clientThatNeverAnswersPingsIsClosedAtTheIdleTimeout() throws IOException {
        start(EdgeTestSupport.properties().heartbeat(Duration.ofMillis(100), Duration.ofMillis(300)));
        try (RawWebSocketClient client = open(0)) {
            assertThat(client.statusLine()).isEqualTo("HTTP/1.1 101 Switching Protocols");

            assertThat(client.readFrame().opcode()).isEqualTo(RawWebSocketClient.PING);
            assertThat(client.readFrame().opcode()).isEqualTo(RawWebSocketClient.PING);
            RawWebSocketClient.Frame close = client.readFrame();

            assertThat(close.opcode()).isEqualTo(RawWebSocketClient.CLOSE);
            assertThat(close.closeCode()).isEqualTo(4408);
            assertThat(close.closeReason()).isEqualTo("idle timeout");
            assertThat(closedByServer(client)).isTrue();
        }
        await().untilAsserted(() -> assertThat(disconnected("idle")).isEqualTo(1));
        assertThat(edge.sessionCount()).isZero();
    }

    @Test
    void connectionThatNeverStartsAHandshakeIsDropped() throws IOException {
        start(EdgeTestSupport.properties().heartbeat(Duration.ofMillis(100), Duration.ofMillis(300)));
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(2_000);
            socket.connect(new InetSocketAddress("127.0.0.1", edge.port()));
            InputStream in = socket.getInputStream();

            assertThat(in.read()).isEqualTo(-1);
        }
        await().untilAsserted(() -> assertThat(disconnected("idle")).isEqualTo(1));
    }

    @Test
    void clientThatStopsReadingLosesStaleSnapshotsButNoPop() throws IOException {
        start(slowClientSettings());
        try (RawWebSocketClient client = open(4096)) {
            int sent = fillUntilBackedUp();
            edge.sendToUser("alice", pop("c1"));
            edge.sendToUser("alice", snapshot(sent++));
            edge.sendToUser("alice", pop("c2"));
            edge.sendToUser("alice", pop("c3"));
            int last = sent++;
            edge.sendToUser("alice", snapshot(last));
            await().untilAsserted(() -> assertThat(replaced()).isGreaterThanOrEqualTo(2));
            assertThat(edge.sessionCount()).isEqualTo(1);

            List<String> pops = new ArrayList<>();
            int snapshots = 0;
            int seq = -1;
            while (seq != last) {
                var frame = json(client.readSkippingPings().text());
                if (frame.path("type").asString().equals("screenPop")) {
                    pops.add(frame.path("payload").path("callId").asString());
                } else {
                    snapshots++;
                    seq = frame.path("payload").path("seq").asInt();
                }
            }

            assertThat(pops).containsExactly("c1", "c2", "c3");
            assertThat(snapshots).isLessThan(sent);
            assertThat(edge.sessionCount()).isEqualTo(1);
        }
    }

    @Test
    void clientThatCannotTakeItsPopsIsDisconnectedAndCounted() throws IOException {
        start(slowClientSettings());
        try (RawWebSocketClient client = open(4096)) {
            fillUntilBackedUp();
            for (int i = 1; i <= PENDING_LIMIT + 1; i++) {
                edge.sendToUser("alice", pop("c" + i));
            }

            await().untilAsserted(() -> assertThat(disconnected("slow")).isEqualTo(1));
            assertThat(edge.sessionCount()).isZero();
            assertThat(registry.get(EdgeMetrics.DROPPED)
                            .tag("type", "queueSnapshot")
                            .counter()
                            .count())
                    .isGreaterThanOrEqualTo(1);
            assertThat(closedByServer(client)).isTrue();
        }
    }

    private EdgeTestSupport.Props slowClientSettings() {
        return EdgeTestSupport.properties().pendingLimit(PENDING_LIMIT).waterMarks(4 * 1024, 8 * 1024);
    }

    /** Sends snapshots of one queue until the server holds one back for the client; returns how many it sent. */
    private int fillUntilBackedUp() {
        int sent = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (replaced() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The session never backed up after " + sent + " snapshots");
            }
            for (int i = 0; i < 20; i++) {
                edge.sendToUser("alice", snapshot(sent++));
            }
            Thread.onSpinWait();
            sleep(1);
        }
        return sent;
    }

    private static EdgeMessage snapshot(int seq) {
        return EdgeMessage.replaceable(
                EdgeMessage.QUEUE_SNAPSHOT, "sales", Map.of("queue", "sales", "seq", seq, "pad", PADDING));
    }

    private RawWebSocketClient open(int receiveBuffer) throws IOException {
        RawWebSocketClient client = RawWebSocketClient.open(
                edge.port(), "/cti?token=" + tokens.issue(ALICE).value(), ORIGIN, receiveBuffer);
        await().until(() -> edge.sessionCount() == 1);
        return client;
    }

    private static boolean closedByServer(RawWebSocketClient client) throws IOException {
        try {
            return client.readsToEnd();
        } catch (SocketException e) {
            return true; // reset: the server dropped the unread rest
        }
    }

    private double replaced() {
        Counter counter = registry.find(EdgeMetrics.REPLACED).counter();
        return counter == null ? 0 : counter.count();
    }

    private double disconnected(String reason) {
        return registry.get(EdgeMetrics.DISCONNECTED)
                .tag("reason", reason)
                .counter()
                .count();
    }

    private void start(EdgeTestSupport.Props properties) {
        edge = new CtiEdge(properties.build(), tokens, registry);
        edge.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
