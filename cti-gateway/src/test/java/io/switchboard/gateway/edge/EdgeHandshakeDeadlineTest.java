package io.switchboard.gateway.edge;

import static io.switchboard.gateway.edge.EdgeTestSupport.ALICE;
import static io.switchboard.gateway.edge.EdgeTestSupport.json;
import static io.switchboard.gateway.edge.EdgeTestSupport.pop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client that trickles its handshake (a header line every 100 ms, never the blank line that ends it) is dropped
 * at the handshake timeout, over a real socket; sessions that completed their handshake are not.
 */
class EdgeHandshakeDeadlineTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

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
    void tricklingHandshakeIsDroppedAtTheHandshakeTimeout() throws IOException {
        start();

        Duration open = trickleUntilClosed(Duration.ofSeconds(10));

        assertThat(open).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50)).isLessThan(Duration.ofSeconds(5));
        await().untilAsserted(() -> assertThat(registry.get(EdgeMetrics.DISCONNECTED)
                        .tag("reason", "handshake-timeout")
                        .counter()
                        .count())
                .isEqualTo(1));
    }

    @Test
    void aSessionThatCompletedItsHandshakeOutlivesTheDeadline() throws Exception {
        start();
        try (DesktopClient alice =
                DesktopClient.connect(edge.port(), tokens.issue(ALICE).value())) {
            await().until(() -> edge.sessionCount() == 1);

            // a trickler that started after alice is dropped: alice's deadline has passed too
            trickleUntilClosed(Duration.ofSeconds(10));

            assertThat(edge.sendToUser("alice", pop("c1"))).isEqualTo(1);
            assertThat(json(alice.next()).path("payload").path("callId").asString())
                    .isEqualTo("c1");
            await().untilAsserted(() -> assertThat(registry.get(EdgeMetrics.DISCONNECTED)
                            .tag("reason", "handshake-timeout")
                            .counter()
                            .count())
                    .isEqualTo(1));
            assertThat(edge.sessionCount()).isEqualTo(1);
        }
    }

    /** Sends a request line and then a header line every 100 ms; returns how long the server kept it open. */
    private Duration trickleUntilClosed(Duration atMost) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", edge.port()), 2_000);
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /cti HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int line = 0; System.nanoTime() - started < atMost.toNanos(); line++) {
                try {
                    if (in.read() == -1) {
                        return Duration.ofNanos(System.nanoTime() - started);
                    }
                } catch (SocketTimeoutException stillOpen) {
                    out.write(("X-Slow-" + line + ": still here\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (SocketException reset) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            }
        } catch (SocketException reset) {
            // the server closed while we were writing
            return Duration.ofNanos(System.nanoTime() - started);
        }
        throw new AssertionError("the trickling handshake was still open after " + atMost);
    }

    private void start() {
        edge = new CtiEdge(
                EdgeTestSupport.properties().handshakeTimeout(TIMEOUT).build(), tokens, registry);
        edge.start();
    }
}
