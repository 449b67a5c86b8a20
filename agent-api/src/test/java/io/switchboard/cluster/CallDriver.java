package io.switchboard.cluster;

import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.Caller;
import io.switchboard.simulator.HangupBy;
import io.switchboard.simulator.QueueCallAnswered;
import io.switchboard.simulator.SimulatedCall;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Keeps queue calls coming on every PBX, one PBX after the other, each to the next of that PBX's agents in turn, until
 * stopped. Every call rings its agent for {@code ringSeconds} and talks for {@code talkSeconds} (simulated time).
 */
final class CallDriver implements AutoCloseable {

    /** A call placed: on which PBX, to which agent (username and extension), started when ({@code nanoTime}). */
    record PlacedCall(
            String pbx, String agent, String extension, long startedAt, CompletableFuture<SimulatedCall> call) {

        String callId() {
            return pbx + ":" + call.join().linkedid();
        }
    }

    private final Map<String, AmiSimulator> pbxes;
    /** Per PBX, its agents as {username, extension}. */
    private final Map<String, List<String[]>> agents;

    private final long pauseMillis;
    private final double ringSeconds;
    private final double talkSeconds;
    private final List<PlacedCall> placed = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    CallDriver(
            Map<String, AmiSimulator> pbxes,
            Map<String, List<String[]>> agents,
            long pauseMillis,
            double ringSeconds,
            double talkSeconds) {
        this.pbxes = pbxes;
        this.agents = agents;
        this.pauseMillis = pauseMillis;
        this.ringSeconds = ringSeconds;
        this.talkSeconds = talkSeconds;
        this.thread = new Thread(this::drive, "call-driver");
        this.thread.setDaemon(true);
    }

    CallDriver start() {
        thread.start();
        return this;
    }

    private void drive() {
        int round = 0;
        int number = 0;
        while (!stopped) {
            for (Map.Entry<String, AmiSimulator> pbx : pbxes.entrySet()) {
                List<String[]> staff = agents.get(pbx.getKey());
                String[] agent = staff.get(round % staff.size());
                String caller = String.format("+4930%07d", ++number);
                QueueCallAnswered scenario = new QueueCallAnswered(
                        new Caller(caller, "Caller " + number, "500"),
                        "support",
                        agent[1],
                        ringSeconds,
                        talkSeconds,
                        HangupBy.CALLER);
                long at = System.nanoTime();
                placed.add(new PlacedCall(
                        pbx.getKey(), agent[0], agent[1], at, pbx.getValue().run(scenario)));
                pause(pauseMillis);
            }
            round++;
        }
    }

    List<PlacedCall> placed() {
        return List.copyOf(placed);
    }

    /** Stops placing calls and waits for the ones placed to end. */
    List<PlacedCall> stopAndFinish() {
        stopped = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<PlacedCall> all = placed();
        CompletableFuture.allOf(all.stream().map(PlacedCall::call).toArray(CompletableFuture[]::new))
                .orTimeout(60, TimeUnit.SECONDS)
                .join();
        return all;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the call rate itself, not a wait for something to happen
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped = true;
    }
}
