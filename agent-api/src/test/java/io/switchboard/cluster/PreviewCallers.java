package io.switchboard.cluster;

import io.switchboard.testing.Api;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Agents working a preview campaign through the REST API as their pages do: take the next lead on the node they are
 * on, dial it there, and a moment later the next, until the campaign has no lead left. When their node is stopping
 * they go on on the next running node, as a browser behind a load balancer would.
 */
final class PreviewCallers implements AutoCloseable {

    private final ThreeNodes nodes;
    private final long campaign;
    private final long pauseMillis;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    /** Leads taken and dialled (202), and leads taken whose dial did not go through (the node stopped meanwhile). */
    final AtomicInteger dialled = new AtomicInteger();

    final AtomicInteger notDialled = new AtomicInteger();
    final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    PreviewCallers(ThreeNodes nodes, long campaign, long pauseMillis) {
        this.nodes = nodes;
        this.campaign = campaign;
        this.pauseMillis = pauseMillis;
    }

    PreviewCallers start(String username, int home) {
        Thread thread = new Thread(() -> work(username, home), "preview-" + username);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return this;
    }

    private void work(String username, int home) {
        while (!stopped) {
            int node = runningFrom(home);
            try {
                Api api = nodes.api(node);
                HttpResponse<String> taken = api.call(
                        "POST", "/api/v1/campaigns/" + campaign + "/preview", username, ThreeNodes.PASSWORD, null);
                if (taken.statusCode() == 204) {
                    return; // no lead left
                }
                if (taken.statusCode() != 200) {
                    failures.add(
                            "preview on " + ThreeNodes.name(node) + ": " + taken.statusCode() + " " + taken.body());
                    pause(pauseMillis);
                    continue;
                }
                long attempt = Api.json(taken).path("attemptId").asLong();
                try {
                    HttpResponse<String> dial = api.call(
                            "POST",
                            "/api/v1/campaign-attempts/" + attempt + "/dial",
                            username,
                            ThreeNodes.PASSWORD,
                            null);
                    if (dial.statusCode() == 202) {
                        dialled.incrementAndGet();
                    } else {
                        notDialled.incrementAndGet();
                        failures.add("dial on " + ThreeNodes.name(node) + ": " + dial.statusCode() + " " + dial.body());
                    }
                } catch (RuntimeException cut) {
                    notDialled.incrementAndGet();
                    failures.add("dial on " + ThreeNodes.name(node) + " cut: " + cut);
                }
            } catch (RuntimeException nodeGone) {
                // the node stopped under the request: the next round goes to a running one
            }
            pause(pauseMillis);
        }
    }

    private int runningFrom(int home) {
        for (int i = 0; i < 3; i++) {
            int node = (home + i) % 3;
            if (nodes.running(node)) {
                return node;
            }
        }
        throw new IllegalStateException("no node is running");
    }

    /** Waits for every agent to have found no lead left. */
    void awaitDone(long millis) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(millis);
        }
    }

    boolean done() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // an agent's pace between leads, not a wait for something to happen
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped = true;
    }
}
