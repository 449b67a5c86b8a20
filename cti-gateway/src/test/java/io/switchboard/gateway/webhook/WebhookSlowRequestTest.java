package io.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
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
 * Slow clients over a real socket, with a short request timeout: a request trickled a header line (or a body byte)
 * every 100 ms has its connection closed at the timeout (after a 408 answer) and is counted.
 */
class WebhookSlowRequestTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final WebhookFixture webhook =
            new WebhookFixture(WebhookProperties.forLocal(WebhookFixture.SECRET).withRequestTimeout(TIMEOUT));

    @AfterEach
    void stop() {
        webhook.close();
    }

    @Test
    void headersTrickledPastTheRequestTimeoutAreAnswered408AndClosed() throws IOException {
        String answer = trickle("POST /pbx/events HTTP/1.1\r\nHost: pbx\r\n", line -> "X-Slow-" + line + ": 1\r\n");

        assertAnswered408(answer);
        await().until(() -> webhook.requests("timeout") == 1);
    }

    @Test
    void aBodyTrickledPastTheRequestTimeoutIsAnswered408AndClosed() throws IOException {
        String answer = trickle(
                "POST /pbx/events HTTP/1.1\r\nHost: pbx\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n",
                line -> " ");

        assertAnswered408(answer);
        await().until(() -> webhook.requests("timeout") == 1);
    }

    /**
     * The 408 is written before the close, but a client still sending when the server closes may get a reset
     * instead, which discards what it had not read yet: the answer is then lost, and the count tells.
     */
    private static void assertAnswered408(String answer) {
        if (!answer.isEmpty()) {
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json");
        }
    }

    /**
     * Sends {@code start}, then one more piece every 100 ms, until the server closes the connection; returns what it
     * answered. Fails if the connection is still open after 10 s.
     */
    private String trickle(String start, java.util.function.IntFunction<String> piece) throws IOException {
        long began = System.nanoTime();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(
                            "127.0.0.1", webhook.gateway.address().orElseThrow().getPort()),
                    2_000);
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[4096];
            for (int i = 0; System.nanoTime() - began < Duration.ofSeconds(10).toNanos(); i++) {
                try {
                    int read = in.read(buffer);
                    if (read == -1) {
                        assertThat(Duration.ofNanos(System.nanoTime() - began))
                                .isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50));
                        return answer.toString(StandardCharsets.US_ASCII);
                    }
                    answer.write(buffer, 0, read);
                } catch (SocketTimeoutException stillOpen) {
                    try {
                        out.write(piece.apply(i).getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (SocketException closedMeanwhile) {
                        // the server closed between our read and this write; the answer is read next round
                    }
                } catch (SocketException reset) {
                    return answer.toString(StandardCharsets.US_ASCII);
                }
            }
        }
        throw new AssertionError("the trickled request was still open after 10 s; answered so far: " + answer);
    }
}
