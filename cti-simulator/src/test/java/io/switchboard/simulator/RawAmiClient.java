package io.switchboard.simulator;

import io.switchboard.simulator.codec.AmiMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bare manager client over a plain socket: writes actions as text and parses what comes back into frames on a
 * reader thread, so tests see exactly the bytes the simulator sends.
 */
final class RawAmiClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<AmiMessage> frames = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile String banner;
    private volatile boolean closedByServer;

    RawAmiClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(0);
        out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        reader = new Thread(() -> readLoop(in), "raw-ami-client");
        reader.setDaemon(true);
        reader.start();
    }

    static RawAmiClient loggedIn(int port, SimulatorSettings settings) throws IOException {
        RawAmiClient client = new RawAmiClient(port);
        client.send(
                "Action: Login", "Username: " + settings.username(), "Secret: " + settings.secret(), "ActionID: login");
        AmiMessage response =
                client.awaitFrame(f -> f.get("ActionID").orElse("").equals("login"));
        if (!response.get("Response").orElse("").equals("Success")) {
            throw new IllegalStateException("login failed: " + response);
        }
        client.awaitFrame(f -> f.get("Event").orElse("").equals("FullyBooted"));
        return client;
    }

    private void readLoop(BufferedReader in) {
        try {
            List<String[]> lines = new ArrayList<>();
            String line;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                if (first) {
                    first = false;
                    banner = line;
                    continue;
                }
                if (line.isEmpty()) {
                    if (!lines.isEmpty()) {
                        AmiMessage.Builder message = AmiMessage.builder();
                        lines.forEach(kv -> message.add(kv[0], kv[1]));
                        frames.add(message.build());
                        lines.clear();
                    }
                    continue;
                }
                int colon = line.indexOf(": ");
                lines.add(
                        colon < 0
                                ? new String[] {line, ""}
                                : new String[] {line.substring(0, colon), line.substring(colon + 2)});
            }
        } catch (IOException e) {
            // the socket was closed
        }
        closedByServer = true;
    }

    String banner() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (banner == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return banner;
    }

    boolean closedByServer() {
        return closedByServer;
    }

    void send(String... lines) throws IOException {
        sendRaw((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends an action with ActionID {@code id} and returns its response. */
    AmiMessage action(String id, String... lines) throws IOException {
        String[] all = new String[lines.length + 1];
        System.arraycopy(lines, 0, all, 0, lines.length);
        all[lines.length] = "ActionID: " + id;
        send(all);
        return awaitFrame(f ->
                f.get("Response").isPresent() && f.get("ActionID").orElse("").equals(id));
    }

    /** Waits for the next frame matching {@code wanted}, dropping the frames before it. */
    AmiMessage awaitFrame(Predicate<AmiMessage> wanted) {
        return awaitFrame(wanted, Duration.ofSeconds(10));
    }

    AmiMessage awaitFrame(Predicate<AmiMessage> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                AmiMessage frame = frames.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("no matching frame within " + timeout);
                }
                if (wanted.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** All frames until (and including) the first matching {@code last}. */
    List<AmiMessage> framesUntil(Predicate<AmiMessage> last, Duration timeout) {
        List<AmiMessage> collected = new ArrayList<>();
        awaitFrame(
                frame -> {
                    collected.add(frame);
                    return last.test(frame);
                },
                timeout);
        return collected;
    }

    /** Frames that arrived so far and were not consumed. */
    List<AmiMessage> drain() {
        List<AmiMessage> drained = new ArrayList<>();
        frames.drainTo(drained);
        return drained;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
