package io.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Fuzzes the PBX webhook: its event reader with arbitrary bodies, and its whole Netty pipeline with signed requests
 * whose bodies are good events, mangled events or garbage, pipelined on one keep-alive connection, and with raw
 * garbage instead of HTTP. Nothing escapes as an exception, every request is answered in order (no 5xx for a
 * client's mistake), and every good event reaches the tracker's hand-off.
 */
class WebhookFuzzTest {

    private static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");
    private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
    private static final WebhookEventReader READER = new WebhookEventReader();

    @Property
    void theReaderReturnsAnEventOrSaysWhyForAnyBody(@ForAll("bodies") byte[] body) {
        assertThatCode(() -> {
                    try {
                        assertThat(READER.read(body)).isNotNull();
                    } catch (InvalidEventException refused) {
                        assertThat(refused.getMessage()).isNotBlank();
                    }
                })
                .doesNotThrowAnyException();
    }

    @Property
    void everyGoodEventAroundBadRequestsOnOneConnectionIsTaken(@ForAll("requests") List<Request> requests)
            throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        List<WebhookEvent> handedOff = new CopyOnWriteArrayList<>();
        WebhookHandOff handOff = new WebhookHandOff(
                10_000, new RecentEventIds(10_000, Duration.ofHours(1)), clock, registry, "fuzz", handedOff::add);
        EmbeddedChannel channel = new EmbeddedChannel(new WebhookChannelInitializer(
                WebhookProperties.forLocal(WebhookFixture.SECRET),
                handOff,
                new WebhookMetrics(registry, "fuzz"),
                clock));
        WebhookSignature signature = new WebhookSignature(WebhookFixture.SECRET);
        StringBuilder wire = new StringBuilder();
        List<Integer> expected = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            String body = request.body().replace("\"EVENT-ID\"", "\"event-" + i + "\"");
            wire.append(post(body, request.signed() ? signature.sign(TIMESTAMP, utf8(body)) : "sha256=00"));
            // the reader is the oracle for a mangled body (its own tests hold it to the schema); the pipeline must
            // agree with it, answer each request in order and lose no event it accepts
            WebhookEvent event = readOrNull(body);
            if (request.good()) {
                assertThat(event).as("a good event is readable: %s", body).isNotNull();
            }
            if (!request.signed() || event == null) {
                expected.add(4);
            } else if (taken.contains(event.eventId())) {
                expected.add(2); // a duplicate is acknowledged, not taken twice
            } else {
                expected.add(2);
                taken.add(event.eventId());
            }
        }

        channel.writeInbound(Unpooled.copiedBuffer(wire, StandardCharsets.UTF_8));

        List<Integer> statuses = statuses(channel);
        assertThat(statuses).hasSize(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            assertThat(statuses.get(i) / 100)
                    .as("request %d: %s", i, requests.get(i))
                    .isEqualTo(expected.get(i));
        }
        handOff.start();
        handOff.close(); // the tracker's thread applies what was taken, then stops
        assertThat(handedOff).extracting(WebhookEvent::eventId).containsExactlyElementsOf(taken);
        assertThat(channel.isOpen()).isTrue();
        channel.finishAndReleaseAll();
    }

    private static WebhookEvent readOrNull(String body) {
        try {
            return READER.read(utf8(body));
        } catch (InvalidEventException refused) {
            return null;
        }
    }

    @Property
    void garbageInsteadOfHttpIsRefusedWithoutAnException(@ForAll("garbage") byte[] garbage) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        WebhookHandOff handOff = new WebhookHandOff(
                10, new RecentEventIds(10, Duration.ofHours(1)), clock, registry, "fuzz", event -> {});
        EmbeddedChannel channel = new EmbeddedChannel(new WebhookChannelInitializer(
                WebhookProperties.forLocal(WebhookFixture.SECRET),
                handOff,
                new WebhookMetrics(registry, "fuzz"),
                clock));

        assertThatCode(() -> {
                    channel.writeInbound(Unpooled.wrappedBuffer(garbage));
                    channel.checkException();
                })
                .doesNotThrowAnyException();
        assertThat(statuses(channel)).allSatisfy(status -> assertThat(status).isBetween(400, 499));
        assertThat(handOff.depth()).isZero();
        channel.finishAndReleaseAll();
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                mangledEvents().map(WebhookFuzzTest::utf8),
                goodEvents().map(WebhookFuzzTest::utf8));
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(600),
                Arbitraries.strings()
                        .withChars("GETPOST /pbx/events HTTP/1.1\r\n:Content-Length: -1x{}")
                        .ofMinLength(1)
                        .ofMaxLength(300)
                        .map(WebhookFuzzTest::utf8));
    }

    @Provide
    Arbitrary<List<Request>> requests() {
        Arbitrary<Request> good = goodEvents().map(body -> new Request(body, true, true));
        Arbitrary<Request> mangled = mangledEvents().map(body -> new Request(body, false, true));
        Arbitrary<Request> junk = Arbitraries.strings().ofMaxLength(200).map(body -> new Request(body, false, true));
        Arbitrary<Request> unsigned = goodEvents().map(body -> new Request(body, false, false));
        return Arbitraries.frequencyOf(
                        Tuple.of(4, good), Tuple.of(3, mangled), Tuple.of(2, junk), Tuple.of(1, unsigned))
                .list()
                .ofMaxSize(12);
    }

    /** Valid events of every type; {@code "EVENT-ID"} is replaced by a unique id when sent. */
    private static Arbitrary<String> goodEvents() {
        Arbitrary<String> text =
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
        return Combinators.combine(
                        Arbitraries.of("call.new", "call.ringing", "call.answered", "call.hangup"),
                        text,
                        text,
                        Arbitraries.integers().between(0, 127))
                .as((type, callId, agent, cause) -> {
                    String fields = switch (type) {
                        case "call.new" ->
                            "\"direction\": \"inbound\", \"from\": \"+4930" + cause + "\", \"to\": \"" + agent + "\"";
                        case "call.hangup" -> "\"cause\": " + cause;
                        default -> "\"agent\": \"" + agent + "\"";
                    };
                    return "{\"eventId\": \"EVENT-ID\", \"type\": \"" + type + "\", \"callId\": \"" + callId
                            + "\", \"occurredAt\": \"2026-05-04T09:29:59Z\", " + fields + "}";
                });
    }

    /** A valid event with one field's value, name or the JSON around it broken. */
    private static Arbitrary<String> mangledEvents() {
        Arbitrary<String> badValue = Arbitraries.of(
                "null",
                "\"\"",
                "-1",
                "128",
                "1e400",
                "[]",
                "{}",
                "true",
                "\"" + "x".repeat(300) + "\"",
                "\"2026-13-45T99:99:99Z\"",
                "\"call.unknown\"",
                "\"sideways\"",
                "\"\\u0000\"",
                "\"\\ud800\"");
        Arbitrary<String> field =
                Arbitraries.of("eventId", "type", "callId", "occurredAt", "direction", "to", "agent", "cause");
        return Combinators.combine(
                        goodEvents(), field, badValue, Arbitraries.integers().between(0, 3))
                .as((event, name, value, how) -> {
                    String sent = event;
                    String pattern = "\"" + name + "\": (\"[^\"]*\"|-?\\d+)";
                    return switch (how) {
                        case 0 ->
                            sent.replaceFirst(pattern, "\"" + name + "\": " + Matcher.quoteReplacement(value))
                                    // a field the event type does not have is added, so every event has a bad one
                                    .replaceFirst(
                                            "^\\{(?!.*\"" + name + "\")",
                                            "{\"" + name + "\": " + Matcher.quoteReplacement(value) + ", ");
                        case 1 -> sent.replaceFirst(pattern + ",? ?", "");
                        case 2 -> sent.substring(0, sent.length() / 2);
                        default -> sent.replaceFirst("\"type\"", "\"type\": \"call.new\", \"type\"");
                    };
                });
    }

    private static String post(String body, String signatureValue) {
        byte[] bytes = utf8(body);
        return "POST /pbx/events HTTP/1.1\r\nHost: pbx\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + WebhookSignature.TIMESTAMP_HEADER + ": " + TIMESTAMP + "\r\n"
                + WebhookSignature.SIGNATURE_HEADER + ": " + signatureValue + "\r\n\r\n" + body;
    }

    private static List<Integer> statuses(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (ByteBuf chunk = channel.readOutbound(); chunk != null; chunk = channel.readOutbound()) {
            text.append(chunk.toString(StandardCharsets.UTF_8));
            chunk.release();
        }
        List<Integer> statuses = new ArrayList<>();
        Matcher matcher = STATUS.matcher(text);
        while (matcher.find()) {
            statuses.add(Integer.parseInt(matcher.group(1)));
        }
        return statuses;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A request on the wire: {@code good} ones must be taken, the others refused. */
    record Request(String body, boolean good, boolean signed) {}
}
