package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the gateway's AMI line decoder ({@link BoundedAmiSocket}) over a real loopback socket: good frames
 * interleaved with garbage (random bytes, runaway lines, control characters, lines without a key, events it drops
 * unread, a connection cut mid-frame) all come out, nothing escapes as an exception, and no line longer than the limit
 * is ever returned or buffered.
 */
class AmiLineDecoderFuzzTest {

    private static final int MAX_LINE = 256;
    private static final byte[] BANNER = "Asterisk Call Manager/9.0.0\r\n".getBytes(StandardCharsets.US_ASCII);

    private static ServerSocket server;
    private static ExecutorService writer;

    @BeforeContainer
    static void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        writer = Executors.newSingleThreadExecutor();
    }

    @AfterContainer
    static void close() throws IOException {
        writer.shutdownNow();
        server.close();
    }

    @Property
    void everyGoodFrameAroundGarbageArrives(@ForAll("streams") List<Chunk> chunks) throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Integer> sent = new ArrayList<>();
        for (Chunk chunk : chunks) {
            stream.writeBytes(chunk.bytes());
            if (chunk.goodSequence() >= 0) {
                sent.add(chunk.goodSequence());
            }
        }
        List<String> lines = decode(stream.toByteArray());

        assertThat(lines).allSatisfy(line -> {
            assertThat(line.length()).isLessThanOrEqualTo(MAX_LINE);
            assertThat(line).doesNotContain("\n");
        });
        assertThat(goodFrames(lines)).isEqualTo(sent);
    }

    @Example
    void tenMegabytesWithoutANewlineAreDiscardedNotBuffered() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(good(1));
        stream.writeBytes("Event: Runaway\r\nValue: ".getBytes(StandardCharsets.US_ASCII));
        stream.writeBytes("x".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
        stream.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        stream.writeBytes(good(2));
        byte[] bytes = stream.toByteArray();

        decode(good(0)); // warm up: the first connection loads and links the socket classes
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        List<String> lines = decode(bytes);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(goodFrames(lines)).containsExactly(1, 2);
        assertThat(lines).contains("Event: Runaway").noneMatch(line -> line.startsWith("Value:"));
        // the decoder reads through a fixed buffer: the 10 MB line costs a few of its own size at most, never 10 MB
        assertThat(allocated).as("bytes allocated while decoding").isLessThan(2L * 1024 * 1024);
    }

    @Provide
    Arbitrary<List<Chunk>> streams() {
        Arbitrary<Chunk> garbage = Arbitraries.oneOf(
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(600),
                        Arbitraries.strings().ofMaxLength(3 * MAX_LINE).map(AmiLineDecoderFuzzTest::utf8),
                        Arbitraries.strings()
                                .withChars("Event:DeviceStateChange\r\n :")
                                .ofMaxLength(200)
                                .map(AmiLineDecoderFuzzTest::utf8),
                        Arbitraries.of(
                                        "Event: DeviceStateChange\r\nDevice: Local/2000\r\nState: INUSE\r\n",
                                        "no colon here\r\n",
                                        "Key: \u0001\u0002binary\r\n",
                                        "Event: Newexten\r\n" + "Application: " + "y".repeat(MAX_LINE * 2) + "\r\n",
                                        "\r\r\r\n:\r\n",
                                        "--END COMMAND--\r\n")
                                .map(AmiLineDecoderFuzzTest::utf8))
                // whatever the garbage is, a blank line ends its frame, as every AMI frame ends
                .map(bytes -> new Chunk(concat(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), -1));
        Arbitrary<Chunk> goodFrame =
                Arbitraries.integers().between(0, 1_000_000).map(n -> new Chunk(good(n), n));
        Arbitrary<Chunk> truncatedTail =
                Arbitraries.strings().ofMaxLength(40).map(text -> new Chunk(utf8("Event: Cut\r\nPart: " + text), -2));
        return Arbitraries.frequencyOf(Tuple.of(3, goodFrame), Tuple.of(2, garbage))
                .list()
                .ofMaxSize(30)
                .flatMap(chunks ->
                        Arbitraries.oneOf(Arbitraries.just(chunks), truncatedTail.map(tail -> withTail(chunks, tail))));
    }

    /** The decoded stream as Asterisk-Java would read it: banner first, then lines until the connection closes. */
    private static List<String> decode(byte[] stream) throws Exception {
        Future<?> writing = writer.submit(() -> {
            try (Socket peer = server.accept();
                    OutputStream out = peer.getOutputStream()) {
                out.write(BANNER);
                out.write(stream);
            }
            return null;
        });
        List<String> lines = new ArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BoundedAmiSocket socket = new BoundedAmiSocket(
                "127.0.0.1",
                server.getLocalPort(),
                2_000,
                MAX_LINE,
                new MalformedInput(registry),
                new UnreadEvents(registry));
        try {
            assertThat(socket.readLine()).isEqualTo("Asterisk Call Manager/9.0.0");
            for (String line = socket.readLine(); line != null; line = socket.readLine()) {
                lines.add(line);
            }
        } finally {
            socket.close();
        }
        writing.get(10, TimeUnit.SECONDS);
        return lines;
    }

    /** The sequence numbers of the frames that are exactly a good frame, in the order they came. */
    private static List<Integer> goodFrames(List<String> lines) {
        List<Integer> found = new ArrayList<>();
        List<String> frame = new ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty()) {
                frame.add(line);
                continue;
            }
            if (frame.size() == 2
                    && frame.get(0).equals("Event: Good")
                    && frame.get(1).startsWith("Seq: ")) {
                found.add(Integer.parseInt(frame.get(1).substring("Seq: ".length())));
            }
            frame.clear();
        }
        return found;
    }

    private static byte[] good(int sequence) {
        return utf8("Event: Good\r\nSeq: " + sequence + "\r\n\r\n");
    }

    private static List<Chunk> withTail(List<Chunk> chunks, Chunk tail) {
        List<Chunk> all = new ArrayList<>(chunks);
        all.add(tail);
        return all;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Bytes on the wire; {@code goodSequence} is a good frame's number, negative for garbage. */
    record Chunk(byte[] bytes, int goodSequence) {
        @Override
        public String toString() {
            return (goodSequence >= 0 ? "good " : "garbage ") + new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
