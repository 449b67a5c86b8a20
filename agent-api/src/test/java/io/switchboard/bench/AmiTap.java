package io.switchboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 1 << 16)) {
            Map<String, String> fields = new HashMap<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        fields.put(line.substring(0, colon), line.substring(colon + 2));
                    }
                    continue;
                }
                if ("AgentCalled".equals(fields.get("Event"))) {
                    agentCalled(fields, System.nanoTime(), BenchClock.wallMicros());
                }
                fields.clear();
            }
        } catch (IOException e) {
            // closed at the end of the run
        }
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
