package io.switchboard.ticket;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link Escalations#runDue} on its own thread, with a fixed pause between passes. Every application node may
 * run one: row locks (skip locked) give each due ticket to exactly one of them, and what was acted on is stored
 * with the clocks, so a pass after downtime catches up without acting twice.
 */
final class EscalationScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationScheduler.class);

    private final Escalations escalations;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    EscalationScheduler(Escalations escalations, Duration interval, boolean enabled) {
        this.escalations = escalations;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ticket-escalations");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pass, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Ticket escalation scheduler started, a pass every {}", interval);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    // The database may be away for a while; the next pass catches up, so a failed one is only logged.
    private void pass() {
        try {
            EscalationPass pass = escalations.runDue();
            if (pass.escalated() > 0) {
                log.info(
                        "Escalation pass: {} due, {} warnings, {} breaches in {} ms",
                        pass.checked(),
                        pass.warnings(),
                        pass.breaches(),
                        pass.took().toMillis());
            }
        } catch (RuntimeException e) {
            log.warn("Escalation pass failed; the next one catches up", e);
        }
    }
}
