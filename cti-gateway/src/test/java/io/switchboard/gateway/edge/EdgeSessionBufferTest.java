package io.switchboard.gateway.edge;

import static io.switchboard.gateway.edge.EdgeTestSupport.ALICE;
import static io.switchboard.gateway.edge.EdgeTestSupport.json;
import static io.switchboard.gateway.edge.EdgeTestSupport.pop;
import static io.switchboard.gateway.edge.EdgeTestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A session's outbound path on an {@link EmbeddedChannel} whose writability the test switches off and on. */
class EdgeSessionBufferTest {

    private static final int PENDING_LIMIT = 4;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EdgeMetrics metrics = new EdgeMetrics(registry, Clock.systemUTC());
    private final EdgeSessions sessions = new EdgeSessions(PENDING_LIMIT, 4, 8, metrics);
    private final EmbeddedChannel channel = new EmbeddedChannel(new SessionHandler(sessions, metrics));
    private final EdgeSession session = openSession();

    private EdgeSession openSession() {
        sessions.open(channel, ALICE);
        return EdgeSession.of(channel);
    }

    @Test
    void writableSessionGetsMessagesAtOnceInOrder() {
        send(pop("c1"));
        send(snapshot("sales", 1));

        assertThat(written()).containsExactly("screenPop c1", "queueSnapshot 1");
        assertThat(sent("screenPop")).isEqualTo(1);
    }

    @Test
    void backedUpSessionCoalescesSnapshotsAndKeepsEveryPop() {
        writable(false);
        send(snapshot("sales", 1));
        send(pop("c1"));
        send(snapshot("sales", 2));
        send(pop("c2"));
        send(snapshot("sales", 3));

        assertThat(written()).isEmpty();
        assertThat(session.pendingCount()).isEqualTo(3);

        writable(true);

        assertThat(written()).containsExactly("screenPop c1", "screenPop c2", "queueSnapshot 3");
        assertThat(counter(EdgeMetrics.REPLACED, "queueSnapshot")).isEqualTo(2);
        assertThat(counter(EdgeMetrics.DROPPED, "queueSnapshot")).isZero();
    }

    @Test
    void backedUpSessionDropsTheOldestSnapshotsPastTheLimit() {
        writable(false);
        send(snapshot("q1", 1));
        send(snapshot("q2", 1));
        send(pop("c1"));
        send(snapshot("q3", 1));
        send(snapshot("q4", 1));
        send(snapshot("q5", 1));

        writable(true);

        assertThat(written()).containsExactly("screenPop c1", "queueSnapshot 1", "queueSnapshot 1", "queueSnapshot 1");
        assertThat(counter(EdgeMetrics.DROPPED, "queueSnapshot")).isEqualTo(2);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void sessionWithMorePopsWaitingThanTheLimitIsClosedAsTooSlow() {
        writable(false);
        for (int i = 1; i <= PENDING_LIMIT + 1; i++) {
            send(pop("c" + i));
        }

        // pending pops are discarded; only the close frame is written, then the channel closes
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(4429);
        assertThat(close.reasonText()).isEqualTo("too slow");
        close.release();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
        assertThat(registry.get(EdgeMetrics.DISCONNECTED)
                        .tag("reason", "slow")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(sessions.count()).isZero();
    }

    @Test
    void popLatencyIsTimedFromItsOriginWhenTheFrameIsWritten() {
        send(pop("c1").withOrigin(Instant.now().minusMillis(250)));
        written();

        assertThat(registry.get(EdgeMetrics.POP_LATENCY)
                        .tag("type", "screenPop")
                        .timer()
                        .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isGreaterThanOrEqualTo(250);
    }

    private void send(EdgeMessage message) {
        sessions.sendToUser("alice", message);
        channel.runPendingTasks();
    }

    private void writable(boolean writable) {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, writable);
        channel.runPendingTasks();
    }

    /** The frames written so far, each as "type key-ish": the call id of a pop, the seq of a snapshot. */
    private List<String> written() {
        List<String> frames = new ArrayList<>();
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            TextWebSocketFrame frame = (TextWebSocketFrame) out;
            var node = json(frame.text());
            frame.release();
            String type = node.path("type").asString();
            var payload = node.path("payload");
            frames.add(type + " "
                    + (payload.has("callId")
                            ? payload.path("callId").asString()
                            : payload.path("seq").asString()));
        }
        return frames;
    }

    private double sent(String type) {
        return counter(EdgeMetrics.SENT, type);
    }

    private double counter(String name, String type) {
        var counter = registry.find(name).tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }
}
