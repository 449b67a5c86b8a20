package io.switchboard.reportmail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.lease.Lease;
import jakarta.mail.internet.MimeMessage;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the reports that are due, on the node that holds the {@link Lease#REPORTS} lease only. Each report is
 * computed as its subscriber sees it, written by the export's own CSV writer and attached to a mail. A failed send
 * is counted, kept with its reason and tried again after {@code retry-delay} times the attempts so far, up to
 * {@code max-attempts}; then the report waits for its next regular time.
 */
final class ReportMailer {

    private static final Logger log = LoggerFactory.getLogger(ReportMailer.class);
    private static final int BATCH = 50;

    private final ReportSubscriptions subscriptions;
    private final ReportCsv reports;
    private final Directory directory;
    private final JavaMailSender sender;
    private final Lease lease;
    private final String node;
    private final ReportMailProperties properties;
    private final MeterRegistry registry;

    ReportMailer(
            ReportSubscriptions subscriptions,
            ReportCsv reports,
            Directory directory,
            JavaMailSender sender,
            Lease lease,
            String node,
            ReportMailProperties properties,
            MeterRegistry registry) {
        this.subscriptions = subscriptions;
        this.reports = reports;
        this.directory = directory;
        this.sender = sender;
        this.lease = lease;
        this.node = node;
        this.properties = properties;
        this.registry = registry;
        // registered up front, so a dashboard sees 0 rather than no series before the first mail
        for (ReportKind report : ReportKind.values()) {
            counter("switchboard.reports.mail.sent", report);
            counter("switchboard.reports.mail.failed", report);
        }
    }

    /** Whether there is a mail sender ({@code spring.mail.host} set). */
    boolean canSend() {
        return sender != null;
    }

    /** Sends what is due at {@code now} when this node holds the lease; how many went out. */
    int sendDue(Instant now) {
        if (sender == null || !lease.tryAcquire(node, properties.poll().multipliedBy(3))) {
            return 0;
        }
        int sent = 0;
        for (Subscription due : subscriptions.store().due(now, BATCH)) {
            if (send(due, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Subscription subscription, Instant now) {
        SubscriptionStore store = subscriptions.store();
        Instant next = subscriptions.nextRun(subscription.frequency(), subscription.at(), subscription.weekday(), now);
        Optional<DirectoryUser> subscriber = directory.find(subscription.subscriber());
        try {
            DirectoryUser user = subscriber.orElseThrow(() -> new IllegalStateException("the subscriber is gone"));
            LocalDate today = now.atZone(subscriptions.zone()).toLocalDate();
            ReportPeriod period = ReportPeriod.before(today, subscription.frequency(), subscriptions.zone());
            StringWriter csv = new StringWriter();
            reports.write(subscription.report(), subscription.filter(), period, user.viewer(), csv);
            MimeMessage mail = sender.createMimeMessage();
            MimeMessageHelper message = new MimeMessageHelper(mail, true, StandardCharsets.UTF_8.name());
            message.setFrom(properties.from());
            message.setTo(subscription.email());
            String name = name(subscription, period);
            message.setSubject("Switchboard: " + title(subscription.report()) + " " + span(period));
            message.setText(title(subscription.report()) + " for " + span(period) + " ("
                    + subscription.frequency().name().toLowerCase(Locale.ROOT) + ", as " + user.username()
                    + " sees it), attached as " + name
                    + ".\n\nManage your subscriptions on the reports page.\n");
            message.addAttachment(
                    name, new ByteArrayResource(csv.toString().getBytes(StandardCharsets.UTF_8)), "text/csv");
            sender.send(mail);
            store.sent(subscription.id(), now, next);
            counter("switchboard.reports.mail.sent", subscription).increment();
            return true;
        } catch (Exception e) {
            counter("switchboard.reports.mail.failed", subscription).increment();
            int failures = subscription.failures() + 1;
            Instant retry = failures >= properties.maxAttempts()
                    ? next
                    : now.plus(properties.retryDelay().multipliedBy(failures));
            store.failed(
                    subscription.id(),
                    failures >= properties.maxAttempts() ? 0 : failures,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    retry);
            log.warn(
                    "Report mail {} to {} failed (attempt {}); next attempt at {}",
                    subscription.id(),
                    subscription.email(),
                    failures,
                    retry,
                    e);
            return false;
        }
    }

    private Counter counter(String name, Subscription subscription) {
        return counter(name, subscription.report());
    }

    private Counter counter(String name, ReportKind report) {
        return Counter.builder(name)
                .description(
                        name.endsWith("sent") ? "Scheduled report mails sent" : "Scheduled report mails that failed")
                .tag("report", report.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private static String title(ReportKind report) {
        return switch (report) {
            case CALLS -> "Call history";
            case INTERVALS -> "Interval report";
            case AGENT_SESSIONS -> "Agent sessions";
        };
    }

    private static String span(ReportPeriod period) {
        return period.first().equals(period.last())
                ? period.first().toString()
                : period.first() + " to " + period.last();
    }

    private static String name(Subscription subscription, ReportPeriod period) {
        return subscription.report().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + period.first().format(DateTimeFormatter.BASIC_ISO_DATE)
                + (period.first().equals(period.last())
                        ? ""
                        : "-" + period.last().format(DateTimeFormatter.BASIC_ISO_DATE))
                + ".csv";
    }
}
