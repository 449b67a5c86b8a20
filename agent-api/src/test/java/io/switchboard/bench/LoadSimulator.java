package io.switchboard.bench;

import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.LoadProfile;
import io.switchboard.simulator.SimulatorSettings;
import io.switchboard.simulator.SlowClientPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The AMI simulator in a JVM of its own, whose load starts when the benchmark says so: it reads commands on
 * standard input ({@code start [calls]}, {@code stats}) and exits when its input closes, so it never outlives the
 * benchmark. Time scale 1, so the events' {@code Timestamp} fields are wall-clock times.
 *
 * <pre>LoadSimulator port username secret cps agents answerRate ringSeconds talkSeconds totalCalls callerPool</pre>
 */
public final class LoadSimulator {

    private LoadSimulator() {}

    public static void main(String[] args) throws IOException {
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withPort(Integer.parseInt(args[0]))
                .withCredentials(args[1], args[2])
                .withTimeScale(1)
                .withSlowClients(SlowClientPolicy.buffer(64L << 20))
                // as Asterisk does: a late simulator thread must not make the events look older than they are
                .withStampsWhenSent(true);
        LoadProfile profile = LoadProfile.of(Double.parseDouble(args[3]), Integer.parseInt(args[4]))
                .withAnswerRate(Double.parseDouble(args[5]))
                .withDurations(Double.parseDouble(args[6]), Double.parseDouble(args[7]))
                .withLimits(0, Long.parseLong(args[8]))
                .withCallerPool(Integer.parseInt(args[9]));
        try (AmiSimulator simulator = new AmiSimulator(settings)) {
            System.out.println("listening on " + simulator.start());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                String[] words = command.trim().split("\\s+");
                switch (words[0]) {
                    case "start" -> {
                        LoadProfile load = words.length > 1 ? profile.withLimits(0, Long.parseLong(words[1])) : profile;
                        simulator.startLoad(load);
                        System.out.println("load started: " + load);
                    }
                    case "stats" -> System.out.println("stats " + simulator.stats());
                    default -> System.out.println("unknown command " + command);
                }
            }
        }
    }
}
