package io.switchboard.reportmail;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks for reports due every {@code poll}, on every node; the mailer's lease lets one of them send. */
final class ReportMailSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportMailSchedule.class);

    private final ReportMailer mailer;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    ReportMailSchedule(ReportMailer mailer, Clock clock) {
        this.mailer = mailer;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "report-mail");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(long pollMillis) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        mailer.sendDue(clock.instant());
                    } catch (RuntimeException e) {
                        log.error("Looking for report mails due failed; trying again at the next poll", e);
                    }
                },
                pollMillis,
                pollMillis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
