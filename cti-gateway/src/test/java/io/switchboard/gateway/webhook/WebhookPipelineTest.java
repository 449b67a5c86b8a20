package io.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole webhook pipeline on an {@link EmbeddedChannel}: raw HTTP bytes in, raw HTTP bytes out, including the
 * cases a real socket makes hard to provoke exactly (a full tracker queue, a chunked body over the limit).
 */
class WebhookPipelineTest {

    private static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");
    private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final WebhookProperties properties =
            WebhookProperties.forLocal(WebhookFixture.SECRET).withLimits(1024, 1);
    private final WebhookHandOff handOff =
            new WebhookHandOff(1, new RecentEventIds(100, Duration.ofHours(1)), clock, registry, "test", event -> {});
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new WebhookChannelInitializer(properties, handOff, new WebhookMetrics(registry, "test"), clock));
    private final WebhookSignature signature = new WebhookSignature(WebhookFixture.SECRET);
    private final CallScript call = new CallScript("pbx-call-1");

    @AfterEach
    void nothingLeftOver() {
        assertThat((Object) channel.readInbound()).isNull();
        assertThat((Object) channel.readOutbound()).isNull();
        channel.finishAndReleaseAll();
        handOff.close();
    }

    /** A raw HTTP response as text. */
    private record Response(String statusLine, String head, String body) {
        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private void write(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private String signedPost(String body, String... extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST /pbx/events HTTP/1.1\r\nHost: pbx\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + WebhookSignature.TIMESTAMP_HEADER + ": " + TIMESTAMP + "\r\n"
                + WebhookSignature.SIGNATURE_HEADER + ": " + signature.sign(TIMESTAMP, bytes) + "\r\n"
                + String.join(
                        "", List.of(extraHeaders).stream().map(h -> h + "\r\n").toList())
                + "\r\n" + body;
    }

    private String raw() {
        StringBuilder text = new StringBuilder();
        for (ByteBuf chunk = channel.readOutbound(); chunk != null; chunk = channel.readOutbound()) {
            text.append(chunk.toString(StandardCharsets.UTF_8));
            chunk.release();
        }
        return text.toString();
    }

    private Response response() {
        String raw = raw();
        int endOfHead = raw.indexOf("\r\n\r\n");
        assertThat(endOfHead).as("a complete response in %s", raw).isPositive();
        String head = raw.substring(0, endOfHead);
        String statusLine = head.contains("\r\n") ? head.substring(0, head.indexOf("\r\n")) : head;
        return new Response(statusLine, head, raw.substring(endOfHead + 4));
    }

    private double requests(String result) {
        return registry.find(WebhookMetrics.REQUESTS)
                .tag("result", result)
                .counter()
                .count();
    }

    @Test
    void aSignedValidEventIsQueuedForTheTrackerAndAcknowledged() {
        write(signedPost(call.inbound("+4930123456", "500", "support")));

        Response response = response();
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"eventId\":\"pbx-call-1-1\",\"result\":\"accepted\"}");
        assertThat(handOff.depth()).isEqualTo(1);
        assertThat(channel.isOpen()).as("keep-alive").isTrue();
    }

    @Test
    void aFullTrackerQueueIsBusyWithRetryAfterAndTheRetryIsTakenOnceThereIsRoom() throws InterruptedException {
        write(signedPost(call.inbound("+4930123456", "500", null)));
        assertThat(response().status()).isEqualTo(202);
        String ringing = signedPost(call.ringing("1001"));

        write(ringing);
        Response busy = response();
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.head()).contains("retry-after: 1");
        assertThat(busy.body()).contains("the call tracker is behind");

        handOff.start(); // the tracker's thread takes the queued event: there is room again
        await().atMost(Duration.ofSeconds(5)).until(() -> handOff.depth() == 0);
        write(ringing);
        assertThat(response().status()).as("not taken for a duplicate").isEqualTo(202);
        assertThat(requests("busy")).isEqualTo(1);
        assertThat(requests("accepted")).isEqualTo(2);
    }

    @Test
    void severalRequestsOnOneConnectionAreEachAnswered() {
        String first = call.inbound("+4930123456", "500", null);
        write(signedPost(first) + signedPost(first));

        String answers = raw();
        assertThat(answers).startsWith("HTTP/1.1 202 Accepted").contains("HTTP/1.1 200 OK");
        assertThat(answers).contains("\"result\":\"accepted\"").contains("\"result\":\"duplicate\"");
        assertThat(requests("accepted")).isEqualTo(1);
        assertThat(requests("duplicate")).isEqualTo(1);
    }

    @Test
    void connectionCloseIsHonouredAfterTheAnswer() {
        write(signedPost(call.inbound("+4930123456", "500", null), "Connection: close"));

        assertThat(response().head()).contains("connection: close");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() {
        write("POST /pbx/events HTTP/1.1\r\nHost: pbx\r\nContent-Length: 5000\r\n\r\n");

        Response response = response();
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.head()).contains("content-type: application/problem+json");
        assertThat(response.body()).contains("\"detail\":\"the body is larger than 1024 bytes\"");
        assertThat(channel.isOpen()).isFalse();
        assertThat(requests("too_large")).isEqualTo(1);
    }

    @Test
    void anExpectContinueOverTheLimitIsRefusedInsteadOfContinued() {
        write("POST /pbx/events HTTP/1.1\r\nHost: pbx\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n");

        Response response = response();
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("the body is larger than 1024 bytes");
        assertThat(channel.isOpen()).isFalse();
        assertThat(requests("too_large")).isEqualTo(1);
    }

    @Test
    void anExpectContinueWithinTheLimitIsContinued() {
        String body = call.inbound("+4930123456", "500", null);
        String request = signedPost(body, "Expect: 100-continue");
        write(request.substring(0, request.length() - body.length()));
        assertThat(response().statusLine()).isEqualTo("HTTP/1.1 100 Continue");

        write(body);

        assertThat(response().status()).isEqualTo(202);
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIsRefusedAndTheConnectionClosed() {
        String chunk = "x".repeat(800);
        write("POST /pbx/events HTTP/1.1\r\nHost: pbx\r\nTransfer-Encoding: chunked\r\n\r\n");
        write(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
        assertThat((Object) channel.readOutbound())
                .as("within the limit so far")
                .isNull();

        write(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");

        assertThat(response().status()).isEqualTo(413);
        assertThat(channel.isOpen()).isFalse();
        assertThat(handOff.depth()).isZero();
    }

    @Test
    void bytesThatAreNotHttpAreABadRequestAndCloseTheConnection() {
        write("HELLO\r\n\r\n");

        Response response = response();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("malformed HTTP request");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void theSignatureIsCheckedBeforeTheBodyIsParsed() {
        String garbage = "this is not JSON";
        write("POST /pbx/events HTTP/1.1\r\nHost: pbx\r\nContent-Length: " + garbage.length() + "\r\n\r\n" + garbage);

        assertThat(response().status()).isEqualTo(401);
        assertThat(requests("bad_request")).isZero();
    }
}
