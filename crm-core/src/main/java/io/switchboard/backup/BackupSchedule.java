package io.switchboard.backup;

import io.switchboard.lease.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the daily backup at {@code switchboard.backup.at}. Every node runs this timer; at the hour each asks for the
 * {@link Lease#BACKUP} lease and only the node that gets it takes the backup. The lease is kept for half a day (not
 * given back after the backup), so a node whose clock is a little behind does not take a second one.
 */
final class BackupSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);
    private static final Duration TERM = Duration.ofHours(12);

    private final Backups backups;
    private final Lease lease;
    private final String node;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    BackupSchedule(Backups backups, Lease lease, String node, Clock clock) {
        this.backups = backups;
        this.lease = lease;
        this.node = node;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "backup-schedule");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the timer, when the daily backup is on and this database is backed up by Switchboard. */
    void start() {
        if (backups.properties().enabled() && backups.available()) {
            scheduleNext();
        }
    }

    /** The next time the daily backup is due after {@code now}. */
    Instant nextRun(Instant now) {
        BackupProperties properties = backups.properties();
        ZonedDateTime today = now.atZone(properties.zone()).with(properties.at());
        ZonedDateTime next =
                today.toInstant().isAfter(now) ? today : today.plusDays(1).with(properties.at());
        return next.toInstant();
    }

    /** The daily run: takes the backup when this node gets the lease; whether it did. */
    boolean runIfHolder() {
        if (!lease.tryAcquire(node, TERM)) {
            log.debug("Another node holds the backup lease; it takes today's backup");
            return false;
        }
        try {
            backups.takeNow();
        } catch (RuntimeException e) {
            // counted and logged by Backups; tomorrow's run tries again, an admin can take one now
        }
        return true;
    }

    private void scheduleNext() {
        Instant now = clock.instant();
        long delay = Duration.between(now, nextRun(now)).toMillis();
        timer.schedule(
                () -> {
                    try {
                        runIfHolder();
                    } catch (RuntimeException e) {
                        log.error("The daily backup could not start (the lease could not be read)", e);
                    } finally {
                        scheduleNext();
                    }
                },
                delay,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
