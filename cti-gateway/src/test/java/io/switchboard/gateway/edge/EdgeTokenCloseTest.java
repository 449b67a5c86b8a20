package io.switchboard.gateway.edge;

import static io.switchboard.gateway.edge.EdgeTestSupport.ALICE;
import static io.switchboard.gateway.edge.EdgeTestSupport.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EdgeTokenCloseTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EdgeMetrics metrics = new EdgeMetrics(registry, Clock.systemUTC());
    private final EdgeSessions sessions = new EdgeSessions(16, 4, 8, metrics);
    private final EdgeTokens tokens = EdgeTestSupport.tokens();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new TokenAuthenticator(tokens, new UsedTokens(Clock.systemUTC()), sessions, metrics),
            new SessionHandler(sessions, metrics));

    @Test
    void validTokenInTheQueryOpensASessionForItsUser() {
        handshake("/cti?token=" + tokens.issue(ALICE).value(), new DefaultHttpHeaders());

        assertThat(EdgeSession.of(channel).user()).isEqualTo(ALICE);
        assertThat(sessions.countOf("alice")).isEqualTo(1);
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void validTokenOfferedAsASubprotocolOpensASession() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .set(
                        HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL,
                        "switchboard.v1, switchboard.token."
                                + tokens.issue(ALICE).value());

        handshake("/cti", headers);

        assertThat(EdgeSession.of(channel).user()).isEqualTo(ALICE);
    }

    @Test
    void expiredTokenClosesWith4401TokenExpired() {
        EdgeTokens yesterday = new EdgeTokens(
                SECRET, Duration.ofSeconds(60), Clock.fixed(Instant.now().minusSeconds(86_400), ZoneOffset.UTC));

        handshake("/cti?token=" + yesterday.issue(ALICE).value(), new DefaultHttpHeaders());

        assertClosed("token expired");
        assertThat(failures("expired")).isEqualTo(1);
    }

    @Test
    void tokenWithAnotherSignatureClosesWith4401InvalidToken() {
        String forged = new EdgeTokens("someone-elses-secret-of-at-least-32-bytes", Duration.ofSeconds(60))
                .issue(ALICE)
                .value();

        handshake("/cti?token=" + forged, new DefaultHttpHeaders());

        assertClosed("invalid token");
        assertThat(failures("bad-signature")).isEqualTo(1);
    }

    @Test
    void missingTokenClosesWith4401() {
        handshake("/cti", new DefaultHttpHeaders());

        assertClosed("token missing");
    }

    @Test
    void aTokenOpensOneSessionOnly() {
        String token = tokens.issue(ALICE).value();
        handshake("/cti?token=" + token, new DefaultHttpHeaders());
        EmbeddedChannel second = new EmbeddedChannel(
                channel.pipeline().get(TokenAuthenticator.class), new SessionHandler(sessions, metrics));

        second.pipeline()
                .fireUserEventTriggered(new HandshakeComplete("/cti?token=" + token, new DefaultHttpHeaders(), null));

        CloseWebSocketFrame close = second.readOutbound();
        assertThat(close.reasonText()).isEqualTo("token already used");
        close.release();
        assertThat(sessions.countOf("alice")).isEqualTo(1);
    }

    private void handshake(String uri, HttpHeaders headers) {
        channel.pipeline().fireUserEventTriggered(new HandshakeComplete(uri, headers, null));
    }

    private void assertClosed(String reason) {
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(4401);
        assertThat(close.reasonText()).isEqualTo(reason);
        close.release();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
        assertThat(EdgeSession.of(channel)).isNull();
        assertThat(registry.get(EdgeMetrics.DISCONNECTED)
                        .tag("reason", "auth")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    private double failures(String reason) {
        return registry.get(EdgeMetrics.AUTH_FAILURES)
                .tag("reason", reason)
                .counter()
                .count();
    }
}
