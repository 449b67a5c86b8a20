package io.switchboard.simulator;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how many events per second load mode delivers flat out to a trivial consumer (a socket reader that
 * only counts frame ends). Not a unit test: run it by hand,
 * {@code java -cp <test classpath> io.switchboard.simulator.LoadThroughputProbe [seconds] [concurrent]}.
 */
public final class LoadThroughputProbe {

    private LoadThroughputProbe() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int concurrent = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        double talk = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(10_000);
        try (AmiSimulator simulator = new AmiSimulator(settings)) {
            int port = simulator.start();
            AtomicLong frames = new AtomicLong();
            Thread consumer = new Thread(() -> consume(port, settings, frames), "probe-consumer");
            consumer.setDaemon(true);
            consumer.start();
            Thread.sleep(500);
            int agents = concurrent > 0 ? concurrent : 2_000;
            simulator.startLoad(
                    LoadProfile.of(1_000_000, agents).withDurations(1, talk).withLimits(concurrent, 0));
            Thread.sleep(3_000);
            long startFrames = frames.get();
            long startEvents = simulator.stats().eventsSent();
            long startCalls = simulator.stats().callsEnded();
            long started = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double elapsed = (System.nanoTime() - started) / 1e9;
            SimulatorStats stats = simulator.stats();
            System.out.printf(
                    "events produced %.0f/s, frames received %.0f/s, calls ended %.0f/s, live calls %d%n",
                    (stats.eventsSent() - startEvents) / elapsed,
                    (frames.get() - startFrames) / elapsed,
                    (stats.callsEnded() - startCalls) / elapsed,
                    simulator.liveCalls());
            simulator.stopLoad();
        }
    }

    private static void consume(int port, SimulatorSettings settings, AtomicLong frames) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("Action: Login\r\nUsername: " + settings.username() + "\r\nSecret: " + settings.secret()
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[256 * 1024];
            int state = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                long ends = 0;
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    // Counts "\r\n\r\n": a frame end.
                    state = switch (state) {
                        case 0, 2 -> b == '\r' ? state + 1 : 0;
                        case 1 -> b == '\n' ? 2 : (b == '\r' ? 1 : 0);
                        case 3 -> {
                            if (b == '\n') {
                                ends++;
                                yield 0;
                            }
                            yield b == '\r' ? 1 : 0;
                        }
                        default -> 0;
                    };
                }
                frames.addAndGet(ends);
            }
        } catch (Exception e) {
            System.err.println("consumer stopped: " + e);
        }
    }
}
