package io.switchboard.gateway.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.AmiProperties;
import io.switchboard.gateway.ami.LinkStatus;
import io.switchboard.gateway.call.CallEventSink;
import io.switchboard.gateway.call.CallTrackerSettings;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.LongAdder;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;

/**
 * Throughput and memory of the AMI adapter and call tracker, against the simulator's load mode over loopback.
 *
 * <ol>
 *   <li>raw: a bare Asterisk-Java listener that only counts events (the ceiling of any Asterisk-Java client);
 *   <li>tracked: the full adapter (bounded socket, hand-off queue, translation) and the call tracker;
 *   <li>memory: heap per tracked call with 5,000 concurrent calls.
 * </ol>
 *
 * Run with {@code ./mvnw -pl cti-gateway -am -Pbench verify}. Both rates come from the same run and the same load,
 * so their ratio holds on a noisy machine.
 */
public final class GatewayBenchmark {

    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 8);
    private static final int MEASURE_SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final int CONCURRENT_CALLS = 5_000;

    /** Flat-out load: far more calls than any client can take; the simulator holds back while its client is behind. */
    private static final String[] FLOOD = {
        "--time-scale",
        "1",
        "--load-cps",
        "6000",
        "--load-agents",
        "20000",
        "--answer-rate",
        "0.8",
        "--ring-seconds",
        "1",
        "--talk-seconds",
        "2"
    };

    public static void main(String[] args) throws Exception {
        System.out.printf(
                "Switchboard gateway benchmark: %d s warm-up, %d s measured, %d cores, %s%n",
                WARMUP_SECONDS,
                MEASURE_SECONDS,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        // memory first, in a fresh heap: what the throughput phases leave behind would blur its baseline
        double bytesPerCall = heapPerTrackedCall();
        boolean memoryOnly = "memory".equals(System.getProperty("bench.only"));
        double ceiling = memoryOnly ? Double.NaN : plainReaderRate();
        double raw = memoryOnly ? Double.NaN : rawListenerRate();
        Tracked tracked = memoryOnly ? new Tracked(Double.NaN, 0) : trackedRate();

        System.out.println();
        System.out.println("| figure | value | target |");
        System.out.println("| --- | --- | --- |");
        System.out.printf(
                "| simulator ceiling: plain socket reader counting frames | %,.0f events/s | (context) |%n", ceiling);
        System.out.printf("| raw Asterisk-Java listener | %,.0f events/s | (baseline) |%n", raw);
        System.out.printf("| adapter + tracker | %,.0f events/s | >= 50,000 events/s |%n", tracked.rate());
        System.out.printf("| tracked / raw | %.2f | >= 0.5 |%n", tracked.rate() / raw);
        System.out.printf("| dropped events | %,d | 0 |%n", tracked.dropped());
        System.out.printf(
                "| heap per tracked call (%,d concurrent) | %,.0f bytes | <= 2,048 bytes |%n",
                CONCURRENT_CALLS, bytesPerCall);
        System.exit(0);
    }

    record Tracked(double rate, long dropped) {}

    /**
     * What the simulator can deliver to a client that does nothing but split frames: if the Asterisk-Java rates are
     * well below it, they measure the client, not the load generator.
     */
    private static double plainReaderRate() throws Exception {
        try (SimulatorProcess simulator = SimulatorProcess.start(FLOOD);
                java.net.Socket socket = new java.net.Socket("127.0.0.1", simulator.port())) {
            socket.getOutputStream()
                    .write(("Action: Login\r\nUsername: " + SimulatorProcess.USERNAME + "\r\nSecret: "
                                    + SimulatorProcess.SECRET + "\r\nEvents: on\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            LongAdder frames = new LongAdder();
            Thread reader = new Thread(() -> countFrames(socket, frames), "plain-reader");
            reader.setDaemon(true);
            reader.start();
            return measure("plain socket reader", frames::sum);
        }
    }

    /** Counts blank lines (frame ends) in the byte stream. */
    private static void countFrames(java.net.Socket socket, LongAdder frames) {
        byte[] buffer = new byte[64 * 1024];
        int previous = 0;
        int beforePrevious = 0;
        int last = 0;
        try {
            var in = socket.getInputStream();
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    int b = buffer[i];
                    if (b == '\n' && previous == '\r' && beforePrevious == '\n' && last == '\r') {
                        frames.increment();
                    }
                    last = beforePrevious;
                    beforePrevious = previous;
                    previous = b;
                }
            }
        } catch (java.io.IOException closed) {
            // the simulator was stopped: measurement is over
        }
    }

    private static double rawListenerRate() throws Exception {
        try (SimulatorProcess simulator = SimulatorProcess.start(FLOOD)) {
            LongAdder events = new LongAdder();
            ManagerConnectionImpl connection = new ManagerConnectionImpl();
            connection.setHostname("127.0.0.1");
            connection.setPort(simulator.port());
            connection.setUsername(SimulatorProcess.USERNAME);
            connection.setPassword(SimulatorProcess.SECRET);
            connection.addEventListener(event -> events.increment());
            connection.login();
            try {
                double rate = measure("raw Asterisk-Java listener", events::sum);
                return rate;
            } finally {
                connection.logoff();
            }
        }
    }

    private static Tracked trackedRate() throws Exception {
        try (SimulatorProcess simulator = SimulatorProcess.start(FLOOD);
                AmiGateway gateway = gateway(simulator, event -> {})) {
            awaitUp(gateway);
            // events read off the link: those the tracker processed and those dropped unread at the socket, which a
            // bare listener also counts (Asterisk-Java builds them)
            double rate = measure(
                    "adapter + tracker (events read: tracked or dropped unread)",
                    () -> gateway.processedEvents() + gateway.unreadEvents());
            return new Tracked(rate, gateway.droppedEvents());
        }
    }

    /** Heap after full GCs with no call and with 5,000 calls, per call. */
    private static double heapPerTrackedCall() throws Exception {
        String[] hold = {
            "--time-scale",
            "1",
            "--load-cps",
            "1000",
            "--load-agents",
            Integer.toString(CONCURRENT_CALLS),
            "--answer-rate",
            "1",
            "--ring-seconds",
            "0.5",
            "--talk-seconds",
            "100000",
            "--max-concurrent",
            Integer.toString(CONCURRENT_CALLS),
            "--load-delay-seconds",
            "10"
        };
        try (SimulatorProcess simulator = SimulatorProcess.start(hold);
                AmiGateway gateway = gateway(simulator, event -> {})) {
            awaitUp(gateway);
            long before = usedHeapAfterGc();
            int calls = gateway.activeCalls();
            if (calls != 0) {
                throw new IllegalStateException("calls started before the baseline was taken: " + calls);
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (gateway.activeCalls() < CONCURRENT_CALLS && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(2_000); // let the last calls' answer events arrive
            long after = usedHeapAfterGc();
            int tracked = gateway.activeCalls();
            if (Boolean.getBoolean("bench.histogram")) {
                System.out.println(classHistogram());
            }
            System.out.printf("memory: %,d calls tracked, heap %,d -> %,d bytes%n", tracked, before, after);
            return (after - before) / (double) tracked;
        }
    }

    private static AmiGateway gateway(SimulatorProcess simulator, CallEventSink sink) {
        AmiProperties properties =
                AmiProperties.forLocal(simulator.port(), SimulatorProcess.USERNAME, SimulatorProcess.SECRET);
        return new AmiGateway(properties, CallTrackerSettings.defaults(), sink, new SimpleMeterRegistry()).start();
    }

    private static void awaitUp(AmiGateway gateway) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (gateway.linkStatus().state() != LinkStatus.State.UP) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("AMI link not up: " + gateway.linkStatus());
            }
            Thread.sleep(50);
        }
    }

    private static double measure(String what, java.util.function.LongSupplier counter) throws InterruptedException {
        Thread.sleep(WARMUP_SECONDS * 1000L);
        long startCount = counter.getAsLong();
        long start = System.nanoTime();
        Thread.sleep(MEASURE_SECONDS * 1000L);
        long events = counter.getAsLong() - startCount;
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = events / seconds;
        System.out.printf("%s: %,d events in %.1f s = %,.0f events/s%n", what, events, seconds, rate);
        return rate;
    }

    /** The heap's biggest classes, to see where the bytes per call go ({@code -Dbench.histogram=true}). */
    private static String classHistogram() throws Exception {
        Object histogram = ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        return histogram.toString().lines().limit(40).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
