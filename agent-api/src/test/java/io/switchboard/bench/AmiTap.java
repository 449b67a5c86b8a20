package io.switchboard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A second, bare AMI session on the simulator that notes when each {@code AgentCalled} event arrives. It tells
 * the two parts of a pop's latency apart: the simulator's own lag (its {@code Timestamp} is the step's planned
 * time; the event leaves when the step runs) and the server's (event on the wire to pop at the desktop).
 */
final class AmiTap implements AutoCloseable {

    private final Socket socket;
    private final Thread reader;
    /** {@code linkedid|extension} to when its AgentCalled arrived. */
    private final Map<String, Read> agentCalledAt = new ConcurrentHashMap<>();

    private final AtomicLong agentCalled = new AtomicLong();
    /** Event timestamp to arrival here, microseconds. */
    private final Histogram simulatorLag = new Histogram(600_000_000L, 3);

    private AmiTap(Socket socket) {
        this.socket = socket;
        this.reader = new Thread(this::read, "ami-tap");
        this.reader.setDaemon(true);
    }

    static AmiTap connect(int port, String username, String secret) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("Action: Login\r\nActionID: tap\r\nUsername: " + username + "\r\nSecret: " + secret
                        + "\r\nEvents: on\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        AmiTap tap = new AmiTap(socket);
        tap.reader.start();
        return tap;
    }

    /** When an event was read: {@link System#nanoTime} for durations, wall-clock microseconds for the record. */
    record Read(long nanos, long wallMicros) {}

    /** When the AgentCalled of this call for this extension arrived, or null. */
    Read agentCalledAt(String callId, String extension) {
        return agentCalledAt.get(callId + "|" + extension);
    }

    long agentCalledCount() {
        return agentCalled.get();
    }

    /** Forgets the lag seen so far: the measured phase starts. */
    synchronized void resetSimulatorLag() {
        simulatorLag.reset();
    }

    synchronized Histogram simulatorLag() {
        return simulatorLag.copy();
    }

    /**
     * Reads the stream as bytes and makes strings of the {@code AgentCalled} frames only: the tap shares the desktops'
     * JVM, and building a string per line of every event (a quarter of a million a minute) would fill its heap and
     * give it GC pauses that would count as the server's latency.
     */
    private void read() {
        try (InputStream in = socket.getInputStream()) {
            byte[] line = new byte[8192];
            Map<String, String> fields = new HashMap<>();
            boolean frameStart = true;
            boolean wanted = false;
            for (int length = readLine(in, line); length >= 0; length = readLine(in, line)) {
                if (length == 0) {
                    if (wanted) {
                        agentCalled(fields, System.nanoTime(), BenchClock.wallMicros());
                    }
                    fields.clear();
                    frameStart = true;
                    wanted = false;
                    continue;
                }
                if (frameStart) {
                    frameStart = false;
                    wanted = startsWith(line, length, AGENT_CALLED);
                }
                if (wanted) {
                    String text = new String(line, 0, Math.min(length, line.length), StandardCharsets.ISO_8859_1);
                    int colon = text.indexOf(": ");
                    if (colon > 0) {
                        fields.put(text.substring(0, colon), text.substring(colon + 2));
                    }
                }
            }
        } catch (IOException e) {
            // closed at the end of the run
        }
    }

    private static final byte[] AGENT_CALLED = "Event: AgentCalled".getBytes(StandardCharsets.US_ASCII);

    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    /** The next line into {@code line} without its line end (cut at its size); its length, or -1 at the end. */
    private int readLine(InputStream in, byte[] line) throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return length > 0 ? length : -1;
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                return length > 0 && line[Math.min(length, line.length) - 1] == '\r' ? length - 1 : length;
            }
            if (length < line.length) {
                line[length] = b;
            }
            length++;
        }
    }

    private static boolean startsWith(byte[] line, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void agentCalled(Map<String, String> fields, long arrivedNanos, long arrivedMicros) {
        String iface = fields.getOrDefault("Interface", ""); // Local/2000@agent-sim/n
        int slash = iface.indexOf('/');
        int at = iface.indexOf('@');
        if (slash < 0 || at < slash) {
            return;
        }
        agentCalledAt.put(
                fields.get("Linkedid") + "|" + iface.substring(slash + 1, at), new Read(arrivedNanos, arrivedMicros));
        agentCalled.incrementAndGet();
        String timestamp = fields.get("Timestamp");
        if (timestamp != null) {
            long stampMicros = BenchClock.parseAmiTimestamp(timestamp);
            synchronized (this) {
                simulatorLag.recordValue(Math.max(0, arrivedMicros - stampMicros));
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
