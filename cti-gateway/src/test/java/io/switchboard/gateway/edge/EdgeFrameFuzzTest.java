package io.switchboard.gateway.edge;

import static io.switchboard.gateway.edge.EdgeTestSupport.ALICE;
import static io.switchboard.gateway.edge.EdgeTestSupport.BOB;
import static io.switchboard.gateway.edge.EdgeTestSupport.ORIGIN;
import static io.switchboard.gateway.edge.EdgeTestSupport.json;
import static io.switchboard.gateway.edge.EdgeTestSupport.pop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.core.ConditionFactory;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzes the CTI edge's frame handling over a real socket with the edge's real pipeline: one desktop sends garbage
 * (malformed and unknown JSON messages, invalid UTF-8, binary and reserved-opcode frames, a message over the size
 * limit, raw bytes that are no frame at all) while a second desktop gets its screen pops and pongs. The good desktop
 * loses nothing; the bad one gets an error reply per message and stays, or is closed for a protocol violation;
 * nothing ever reaches the edge's catch-all handler (an unexpected exception would close with 1011 and count as
 * {@code error}).
 */
class EdgeFrameFuzzTest {

    private static final int MAX_FRAME = 4096;
    private static final AtomicInteger CALLS = new AtomicInteger();

    private static SimpleMeterRegistry registry;
    private static EdgeTokens tokens;
    private static CtiEdge edge;

    @BeforeContainer
    static void start() {
        registry = new SimpleMeterRegistry();
        tokens = EdgeTestSupport.tokens();
        edge = new CtiEdge(EdgeTestSupport.properties().maxFrameBytes(MAX_FRAME).build(), tokens, registry);
        edge.start();
    }

    @AfterContainer
    static void stop() {
        edge.close();
    }

    @Property
    void aDesktopSendingGarbageNeverDisturbsAnotherAndNothingEscapes(@ForAll("garbage") List<Garbage> garbage)
            throws IOException {
        try (RawWebSocketClient good = open(ALICE);
                RawWebSocketClient bad = open(BOB)) {
            List<String> sent = new ArrayList<>();
            boolean badOpen = true;
            for (Garbage item : garbage) {
                if (badOpen) {
                    item.sendTo(bad);
                    badOpen = !item.violatesProtocol();
                }
                String callId = "c" + CALLS.incrementAndGet();
                assertThat(edge.sendToUser(ALICE.username(), pop(callId))).isEqualTo(1);
                sent.add(callId);
            }
            good.sendText("{\"type\":\"ping\"}");

            assertThat(popsAndPong(good, sent.size())).containsExactlyElementsOf(sent);
            if (badOpen) {
                // the session went on: a ping after the garbage is still answered
                bad.sendText("{\"type\":\"ping\"}");
                assertThat(repliesUntilPong(bad))
                        .allSatisfy(reply ->
                                assertThat(reply.path("type").asString()).isEqualTo("error"));
            } else {
                assertThat(closedByServer(bad))
                        .as("closed for a protocol violation")
                        .isTrue();
            }
        }
        quickly().until(() -> edge.sessionCount() == 0);
        assertThat(disconnected("error"))
                .as("connections closed by an unexpected exception")
                .isZero();
    }

    @Provide
    Arbitrary<List<Garbage>> garbage() {
        Arbitrary<Garbage> text = Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(200),
                        Arbitraries.of(
                                "",
                                "null",
                                "[]",
                                "{}",
                                "{\"type\":1}",
                                "{\"type\":null}",
                                "{\"type\":\"pong\"}",
                                "{\"type\":\"" + "t".repeat(500) + "\"}",
                                "{\"type\":\"ping\",\"type\":\"ping\"}",
                                "{\"type\":\"ping\"} trailing",
                                "[".repeat(2000),
                                "{\"a\":" + "{\"a\":".repeat(600) + "1" + "}".repeat(601)))
                .map(body -> new Garbage(RawWebSocketClient.TEXT, body.getBytes(StandardCharsets.UTF_8), false, false));
        Arbitrary<Garbage> invalidUtf8 = Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF})
                .map(bytes -> new Garbage(RawWebSocketClient.TEXT, bytes, true, false));
        Arbitrary<Garbage> binary = Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(50)
                .map(bytes -> new Garbage(0x2, bytes, true, false));
        Arbitrary<Garbage> reservedOpcode = Combinators.combine(
                        Arbitraries.of(0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(20))
                .as((opcode, bytes) -> new Garbage(opcode, bytes, true, false));
        Arbitrary<Garbage> tooBig = Arbitraries.just(new Garbage(
                RawWebSocketClient.TEXT, "x".repeat(MAX_FRAME + 1).getBytes(StandardCharsets.US_ASCII), true, false));
        Arbitrary<Garbage> rawBytes = Arbitraries.bytes()
                .array(byte[].class)
                .ofMinSize(2)
                .ofMaxSize(64)
                // an unmasked first byte pair from a client is already a protocol error, whatever follows
                .map(bytes -> {
                    bytes[1] = (byte) (bytes[1] & 0x7f);
                    return new Garbage(-1, bytes, true, true);
                });
        return Arbitraries.frequencyOf(
                        Tuple.of(10, text),
                        Tuple.of(1, invalidUtf8),
                        Tuple.of(1, binary),
                        Tuple.of(1, reservedOpcode),
                        Tuple.of(1, tooBig),
                        Tuple.of(1, rawBytes))
                .list()
                .ofMaxSize(12);
    }

    private RawWebSocketClient open(EdgeUser user) throws IOException {
        int before = edge.sessionsOf(user.username());
        RawWebSocketClient client = RawWebSocketClient.open(
                edge.port(), "/cti?token=" + tokens.issue(user).value(), ORIGIN, 0);
        assertThat(client.statusLine()).isEqualTo("HTTP/1.1 101 Switching Protocols");
        quickly().until(() -> edge.sessionsOf(user.username()) == before + 1);
        return client;
    }

    /** Awaitility polls every 100 ms by default: hundreds of tries need a closer look. */
    private static ConditionFactory quickly() {
        return await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .atMost(Duration.ofSeconds(10));
    }

    /**
     * The pops a desktop reads until it has as many as were sent and the pong to its ping. The pong may come before
     * pops sent earlier: pops are handed to the connection's event loop from another thread, the ping is read on it.
     */
    private static List<String> popsAndPong(RawWebSocketClient client, int expectedPops) throws IOException {
        List<String> pops = new ArrayList<>();
        boolean ponged = false;
        while (!ponged || pops.size() < expectedPops) {
            JsonNode message = json(client.readSkippingPings().text());
            String type = message.path("type").asString();
            if (type.equals("screenPop")) {
                pops.add(message.path("payload").path("callId").asString());
            } else {
                assertThat(type).as("the good desktop's messages").isEqualTo("pong");
                ponged = true;
            }
        }
        return pops;
    }

    /** The replies a desktop reads before the pong to its ping. */
    private static List<JsonNode> repliesUntilPong(RawWebSocketClient client) throws IOException {
        List<JsonNode> replies = new ArrayList<>();
        for (JsonNode message = json(client.readSkippingPings().text());
                !message.path("type").asString().equals("pong");
                message = json(client.readSkippingPings().text())) {
            replies.add(message);
        }
        return replies;
    }

    private static boolean closedByServer(RawWebSocketClient client) throws IOException {
        try {
            return client.readsToEnd();
        } catch (SocketException e) {
            return true; // reset: the server dropped the unread rest
        }
    }

    private static double disconnected(String reason) {
        Counter counter =
                registry.find(EdgeMetrics.DISCONNECTED).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * One thing the bad desktop sends: a frame ({@code opcode}, masked as a client must) or, with opcode -1, raw
     * bytes. {@code violation}: the edge must close the connection for it.
     */
    record Garbage(int opcode, byte[] bytes, boolean violation, boolean raw) {

        boolean violatesProtocol() {
            return violation;
        }

        void sendTo(RawWebSocketClient client) throws IOException {
            if (raw) {
                client.sendRaw(bytes);
            } else {
                client.sendFrame(opcode, bytes);
            }
        }

        @Override
        public String toString() {
            return (raw ? "raw " : "opcode " + opcode + " ") + bytes.length + " bytes: "
                    + new String(bytes, 0, Math.min(bytes.length, 60), StandardCharsets.ISO_8859_1);
        }
    }
}
