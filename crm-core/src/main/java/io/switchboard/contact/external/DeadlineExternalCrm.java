package io.switchboard.contact.external;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs lookups on a small bounded pool and answers every one by its deadline: what has not come back by then is
 * {@link UnavailableReason#TIMEOUT} for the pop, whatever the call still in flight does later.
 */
final class DeadlineExternalCrm implements ExternalCrm, AutoCloseable {

    private final GuardedLookup lookup;
    private final long deadlineNanos;
    private final ThreadPoolExecutor pool;
    private final Timer found;
    private final Timer notFound;
    private final Map<UnavailableReason, Timer> unavailable = new EnumMap<>(UnavailableReason.class);

    DeadlineExternalCrm(GuardedLookup lookup, Duration deadline, int threads, MeterRegistry meters) {
        this.lookup = lookup;
        this.deadlineNanos = deadline.toNanos();
        // As many may wait as run: beyond that the CRM is not keeping up, and waiting longer helps no pop.
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(threads),
                daemonThreads(),
                new ThreadPoolExecutor.AbortPolicy());
        this.found = timer(meters, "found", "none");
        this.notFound = timer(meters, "not_found", "none");
        for (UnavailableReason reason : UnavailableReason.values()) {
            unavailable.put(reason, timer(meters, "unavailable", reason.name().toLowerCase(Locale.ROOT)));
        }
    }

    @Override
    public CompletableFuture<ExternalLookup> lookup(ExternalQuery query) {
        long started = System.nanoTime();
        CompletableFuture<ExternalLookup> answer = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                // A lookup that waited past its deadline has no pop left to serve.
                if (!answer.isDone()) {
                    answer.complete(lookup.lookup(query));
                }
            });
        } catch (RejectedExecutionException e) {
            answer.complete(ExternalLookup.unavailable(UnavailableReason.BUSY));
        }
        answer.completeOnTimeout(
                ExternalLookup.unavailable(UnavailableReason.TIMEOUT), deadlineNanos, TimeUnit.NANOSECONDS);
        answer.thenAccept(outcome -> timerFor(outcome).record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        return answer;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private Timer timerFor(ExternalLookup outcome) {
        return switch (outcome.status()) {
            case FOUND -> found;
            case NOT_FOUND -> notFound;
            default -> unavailable.get(outcome.reason());
        };
    }

    private static Timer timer(MeterRegistry meters, String outcome, String reason) {
        return Timer.builder("switchboard.crm.external.lookups")
                .description("External CRM lookups as the pop saw them, by outcome")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(meters);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "external-crm-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
