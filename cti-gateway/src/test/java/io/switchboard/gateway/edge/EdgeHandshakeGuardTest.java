package io.switchboard.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeHandshakeGuardTest {

    private final EmbeddedChannel channel =
            new EmbeddedChannel(new HandshakeGuard("/cti", new OriginPolicy(List.of(EdgeTestSupport.ORIGIN))));

    @Test
    void upgradeFromAnAllowedOriginGoesOnToTheHandshake() {
        FullHttpRequest request = upgrade("/cti?token=abc", EdgeTestSupport.ORIGIN);

        channel.writeInbound(request);

        FullHttpRequest passed = channel.readInbound();
        assertThat(passed).isSameAs(request);
        assertThat(passed.refCnt()).isEqualTo(1);
        passed.release();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void upgradeFromAnotherOriginIsRefusedWith403BeforeUpgrading() {
        FullHttpRequest request = upgrade("/cti?token=abc", "https://evil.example");

        channel.writeInbound(request);

        assertRefused(HttpResponseStatus.FORBIDDEN, HandshakeGuard.ORIGIN_REFUSED);
        assertThat(request.refCnt()).isZero();
        assertThat(DisconnectReason.of(channel)).isEqualTo(DisconnectReason.ORIGIN);
    }

    @Test
    void upgradeWithoutOriginIsRefused() {
        channel.writeInbound(upgrade("/cti?token=abc", null));

        assertRefused(HttpResponseStatus.FORBIDDEN, HandshakeGuard.ORIGIN_REFUSED);
    }

    @Test
    void otherPathsAreNotFound() {
        channel.writeInbound(upgrade("/other?token=abc", EdgeTestSupport.ORIGIN));

        assertRefused(HttpResponseStatus.NOT_FOUND, "no such path");
        assertThat(DisconnectReason.of(channel)).isEqualTo(DisconnectReason.BAD_REQUEST);
    }

    @Test
    void plainGetWithoutUpgradeIsTold426() {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/cti");
        request.headers().set(HttpHeaderNames.ORIGIN, EdgeTestSupport.ORIGIN);

        channel.writeInbound(request);

        assertRefused(HttpResponseStatus.UPGRADE_REQUIRED, "WebSocket upgrade required");
    }

    private void assertRefused(HttpResponseStatus status, String text) {
        assertThat((Object) channel.readInbound()).isNull();
        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.content().toString(StandardCharsets.UTF_8)).isEqualTo(text + "\n");
        response.release();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    private static FullHttpRequest upgrade(String uri, String origin) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        request.headers()
                .set(HttpHeaderNames.UPGRADE, "websocket")
                .set(HttpHeaderNames.CONNECTION, "Upgrade")
                .set(HttpHeaderNames.SEC_WEBSOCKET_KEY, "dGhlIHNhbXBsZSBub25jZQ==")
                .set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13");
        if (origin != null) {
            request.headers().set(HttpHeaderNames.ORIGIN, origin);
        }
        return request;
    }
}
