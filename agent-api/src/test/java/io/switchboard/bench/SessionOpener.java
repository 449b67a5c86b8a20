package io.switchboard.bench;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Opens sessions as desktops do, each with a fresh token from the token endpoint, a bounded number at a time so that
 * the run measures the server rather than a connection storm.
 */
final class SessionOpener {

    private static final int IN_FLIGHT = 32;

    private final DesktopFleet fleet;
    private final BenchApi api;

    SessionOpener(DesktopFleet fleet, BenchApi api) {
        this.fleet = fleet;
        this.api = api;
    }

    /** One session per entry of {@code usernames}; the handler of the i-th from {@code handlerFor}. */
    List<Channel> open(List<String> usernames, IntFunction<ChannelHandler> handlerFor) throws InterruptedException {
        Semaphore permits = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Channel>> opening = new ArrayList<>(usernames.size());
        for (int i = 0; i < usernames.size(); i++) {
            permits.acquire();
            int index = i;
            CompletableFuture<Channel> session = fleet.open(api, usernames.get(i), () -> handlerFor.apply(index));
            session.whenComplete((channel, failure) -> permits.release());
            opening.add(session);
        }
        List<Channel> channels = new ArrayList<>(opening.size());
        for (CompletableFuture<Channel> session : opening) {
            try {
                channels.add(session.join());
            } catch (CompletionException e) {
                channels.forEach(Channel::close);
                throw new IllegalStateException("A session did not open: " + e.getCause(), e.getCause());
            }
        }
        return channels;
    }

    /** Waits until the server counts {@code expected} open sessions (its gauge {@code switchboard.edge.sessions}). */
    void awaitSessions(int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double open = -1;
        while (System.nanoTime() < deadline) {
            open = api.metric("switchboard.edge.sessions", null);
            if (open == expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "The server has " + (long) open + " sessions open after " + timeout + ", not " + expected);
    }

    static void closeAll(List<Channel> channels) {
        channels.forEach(Channel::close);
    }
}
