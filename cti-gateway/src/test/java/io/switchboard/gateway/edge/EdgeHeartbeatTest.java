package io.switchboard.gateway.edge;

import static io.switchboard.gateway.edge.EdgeTestSupport.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EdgeHeartbeatTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EdgeMetrics metrics = new EdgeMetrics(registry, Clock.systemUTC());
    private final EdgeSessions sessions = new EdgeSessions(16, 4, 8, metrics);
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new HeartbeatHandler(Duration.ofSeconds(20), Duration.ofSeconds(60)),
            new SessionHandler(sessions, metrics));

    @Test
    void silentClientIsPingedEachIntervalThenClosedAtTheIdleTimeout() {
        sessions.open(channel, ALICE);

        idle(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertThat((Object) channel.readOutbound()).isInstanceOf(PingWebSocketFrame.class);
        idle(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertThat((Object) channel.readOutbound()).isInstanceOf(PingWebSocketFrame.class);
        idle(IdleStateEvent.READER_IDLE_STATE_EVENT);

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(4408);
        assertThat(close.reasonText()).isEqualTo("idle timeout");
        close.release();
        assertThat(channel.isOpen()).isFalse();
        assertThat(registry.get(EdgeMetrics.DISCONNECTED)
                        .tag("reason", "idle")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anythingReceivedStartsTheCountAgain() {
        sessions.open(channel, ALICE);

        idle(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        idle(IdleStateEvent.READER_IDLE_STATE_EVENT);
        // a pong arrived: the idle handler's next event is a "first" one again
        idle(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        idle(IdleStateEvent.READER_IDLE_STATE_EVENT);

        assertThat(channel.isOpen()).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat((Object) channel.readOutbound()).isInstanceOf(PingWebSocketFrame.class);
        }
    }

    @Test
    void connectionSilentBeforeItsSessionIsClosedWithoutPing() {
        idle(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);

        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    private void idle(IdleStateEvent event) {
        channel.pipeline().fireUserEventTriggered(event);
        channel.runPendingTasks();
    }
}
