package io.switchboard.ticket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

/**
 * Mails each escalation to the new tier's mailbox (stored with the tier, read at each escalation), with the supervisors' address in copy, through Spring's mail
 * abstraction. Mails go out on their own thread: a slow or absent mail server never holds up a scheduler pass or a
 * request. Mails that find the queue full, or that the server refuses, are logged and counted
 * ({@code switchboard.tickets.mail.failures}); escalation itself never depends on them.
 */
final class MailEscalationNotifier implements EscalationNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailEscalationNotifier.class);

    private final MailSender sender;
    private final Executor executor;
    private final String from;
    private final Function<String, String> mailboxOf;
    private final String supervisors;
    private final Counter failures;

    MailEscalationNotifier(
            MailSender sender,
            Executor executor,
            String from,
            Function<String, String> mailboxOf,
            String supervisors,
            MeterRegistry meters) {
        this.sender = sender;
        this.executor = executor;
        this.from = from;
        this.mailboxOf = mailboxOf;
        this.supervisors = supervisors;
        this.failures = Counter.builder("switchboard.tickets.mail.failures")
                .description("Escalation mails dropped (queue full) or refused by the mail server")
                .register(meters);
    }

    @Override
    public void escalated(EscalationNotice notice) {
        String mailbox = mailboxOf.apply(notice.toTier());
        if (mailbox == null && supervisors == null) {
            return;
        }
        SimpleMailMessage mail = message(notice, mailbox);
        try {
            executor.execute(() -> send(mail, notice));
        } catch (RejectedExecutionException e) {
            failures.increment();
            log.warn(
                    "Escalation mail for ticket {} dropped: too many mails waiting",
                    notice.ticket().value());
        }
    }

    private SimpleMailMessage message(EscalationNotice notice, String mailbox) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        if (mailbox != null) {
            mail.setTo(mailbox);
            if (supervisors != null) {
                mail.setCc(supervisors);
            }
        } else {
            mail.setTo(supervisors);
        }
        String what = notice.movedTier()
                ? "escalated to " + notice.toTier()
                : (notice.kind() == EscalationKind.BREACH ? "breached its SLA" : "is close to its SLA") + " in "
                        + notice.toTier();
        mail.setSubject(
                "Ticket " + notice.ticket().value() + " " + what + " (" + notice.priority() + "): " + notice.subject());
        StringBuilder text = new StringBuilder()
                .append("Ticket ")
                .append(notice.ticket().value())
                .append(": ")
                .append(notice.subject())
                .append("\nPriority: ")
                .append(notice.priority())
                .append("\nEscalation: ")
                .append(notice.kind())
                .append(", from ")
                .append(notice.fromTier())
                .append(" to ")
                .append(notice.toTier())
                .append(" at ")
                .append(notice.at())
                .append("\nAssigned to: ")
                .append(notice.recipients().stream()
                        .filter(r -> r.role() == EscalationNotice.Role.ASSIGNEE)
                        .map(EscalationNotice.Recipient::displayName)
                        .findFirst()
                        .orElse("nobody yet: waiting in the tier's queue"))
                .append("\nWhy: ")
                .append(notice.reason())
                .append('\n');
        mail.setText(text.toString());
        return mail;
    }

    private void send(SimpleMailMessage mail, EscalationNotice notice) {
        try {
            sender.send(mail);
        } catch (MailException e) {
            failures.increment();
            log.warn(
                    "Escalation mail for ticket {} not sent: {}",
                    notice.ticket().value(),
                    e.getMessage());
        }
    }
}
