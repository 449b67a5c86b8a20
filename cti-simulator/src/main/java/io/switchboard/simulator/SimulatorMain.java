package io.switchboard.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the AMI simulator from the command line until killed, for the demo and for benchmarks in a separate JVM:
 *
 * <pre>
 * java -cp ... io.switchboard.simulator.SimulatorMain --port 5038 --username admin --secret s3cret \
 *     --time-scale 1 --load-cps 5 --load-agents 20 --answer-rate 0.8 --talk-seconds 30
 * </pre>
 *
 * Other flags: {@code --bind}, {@code --ring-seconds}, {@code --max-concurrent}, {@code --total-calls},
 * {@code --full-noise}, {@code --cel}, {@code --slow-clients disconnect|buffer}, {@code --write-timeout-ms},
 * {@code --stats-seconds} (0 for none), {@code --load-delay-seconds}. Without {@code --load-cps} it only serves sessions.
 */
public final class SimulatorMain {

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> flags = parse(args);
        SimulatorSettings settings = SimulatorSettings.builder()
                .bindHost(flags.getOrDefault("bind", "127.0.0.1"))
                .port(Integer.parseInt(flags.getOrDefault("port", "5038")))
                .credentials(flags.getOrDefault("username", "admin"), flags.getOrDefault("secret", "switchboard"))
                .timeScale(Double.parseDouble(flags.getOrDefault("time-scale", "1")))
                .celEvents(flags.containsKey("cel"))
                .slowClients(slowClients(flags))
                .build();
        AmiSimulator simulator = new AmiSimulator(settings);
        int port = simulator.start();
        System.out.println("AMI simulator listening on " + settings.bindHost() + ":" + port);
        if (flags.containsKey("load-cps")) {
            LoadProfile profile = LoadProfile.builder(
                            Double.parseDouble(flags.get("load-cps")),
                            Integer.parseInt(flags.getOrDefault("load-agents", "20")))
                    .answerRate(Double.parseDouble(flags.getOrDefault("answer-rate", "0.8")))
                    .durations(
                            Double.parseDouble(flags.getOrDefault("ring-seconds", "2")),
                            Double.parseDouble(flags.getOrDefault("talk-seconds", "30")))
                    .limits(
                            Integer.parseInt(flags.getOrDefault("max-concurrent", "0")),
                            Long.parseLong(flags.getOrDefault("total-calls", "0")))
                    .fullNoise(flags.containsKey("full-noise"))
                    .callerPool(Integer.parseInt(flags.getOrDefault("caller-pool", "0")))
                    .humanAgents(Integer.parseInt(flags.getOrDefault("human-agents", "0")))
                    .build();
            // a delay lets a benchmark connect and take its baseline before the first call
            double delaySeconds = Double.parseDouble(flags.getOrDefault("load-delay-seconds", "0"));
            if (delaySeconds > 0) {
                Thread.sleep((long) (delaySeconds * 1000));
            }
            simulator.startLoad(profile);
            System.out.println("Load started: " + profile);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "ami-sim-shutdown"));
        long statsMillis = (long) (Double.parseDouble(flags.getOrDefault("stats-seconds", "5")) * 1000);
        while (!stopped.await(
                statsMillis > 0 ? statsMillis : Long.MAX_VALUE, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            System.out.println(simulator.stats());
        }
    }

    private static SlowClientPolicy slowClients(Map<String, String> flags) {
        String mode = flags.getOrDefault("slow-clients", "buffer").toLowerCase(Locale.ROOT);
        if (mode.equals("disconnect")) {
            long millis = Long.parseLong(flags.getOrDefault("write-timeout-ms", "100"));
            return new SlowClientPolicy(SlowClientPolicy.Mode.DISCONNECT, Duration.ofMillis(millis), 64L << 20);
        }
        return SlowClientPolicy.buffer(64L << 20);
    }

    /** {@code --name value} pairs; a flag followed by another flag (or nothing) is a switch. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            flags.put(name, hasValue ? args[++i] : "true");
        }
        return flags;
    }
}
