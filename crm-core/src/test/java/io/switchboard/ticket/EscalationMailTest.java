package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.directory.UserId;
import io.switchboard.ticket.EscalationNotice.Recipient;
import io.switchboard.ticket.EscalationNotice.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

/** Escalation mails through Spring's mail abstraction, with a sender that keeps what it is given. */
class EscalationMailTest {

    final List<SimpleMailMessage> sent = new ArrayList<>();
    final MailSender sink = messages -> sent.addAll(List.of(messages));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    static EscalationNotice notice(String from, String to, EscalationKind kind) {
        return new EscalationNotice(
                new TicketId(42),
                "Router drops calls",
                TicketPriority.HIGH,
                kind,
                from,
                to,
                new UserId(7),
                "resolution target of 8h breached (due 2026-06-09T10:00:00Z)",
                Instant.parse("2026-06-09T10:00:00Z"),
                List.of(
                        new Recipient(new UserId(7), "erin", "Erin Engineer", "2001", Role.ASSIGNEE),
                        new Recipient(new UserId(9), "sam", "Sam", "2090", Role.SUPERVISOR)));
    }

    MailEscalationNotifier notifier(MailSender sender, Executor executor) {
        return new MailEscalationNotifier(
                sender,
                executor,
                "switchboard@example.com",
                Map.of("Tier 2", "tier2@example.com")::get,
                "supervisors@example.com",
                meters);
    }

    @Test
    void mailsTheNewTiersMailboxWithTheSupervisorsInCopy() {
        notifier(sink, Runnable::run).escalated(notice("Tier 1", "Tier 2", EscalationKind.BREACH));

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.getFrom()).isEqualTo("switchboard@example.com");
            assertThat(mail.getTo()).containsExactly("tier2@example.com");
            assertThat(mail.getCc()).containsExactly("supervisors@example.com");
            assertThat(mail.getSubject()).isEqualTo("Ticket 42 escalated to Tier 2 (HIGH): Router drops calls");
            assertThat(mail.getText())
                    .contains("Assigned to: Erin Engineer")
                    .contains("Why: resolution target of 8h breached");
        });
    }

    @Test
    void aTierWithoutMailboxStillTellsTheSupervisors() {
        notifier(sink, Runnable::run).escalated(notice("Tier 3", "Tier 3", EscalationKind.BREACH));

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.getTo()).containsExactly("supervisors@example.com");
            assertThat(mail.getSubject()).startsWith("Ticket 42 breached its SLA in Tier 3");
        });
    }

    @Test
    void mailsThatCannotGoOutAreCountedNotThrown() {
        MailSender down = messages -> {
            throw new MailSendException("connection refused");
        };
        Executor full = task -> {
            throw new RejectedExecutionException("queue full");
        };

        notifier(down, Runnable::run).escalated(notice("Tier 1", "Tier 2", EscalationKind.WARNING));
        notifier(sink, full).escalated(notice("Tier 1", "Tier 2", EscalationKind.WARNING));

        assertThat(sent).isEmpty();
        assertThat(meters.counter("switchboard.tickets.mail.failures").count()).isEqualTo(2);
    }

    @Test
    void mailNeedsASender() {
        assertThatThrownBy(() -> new TicketProperties.MailProperties(true, null, null, 10))
                .hasMessageContaining("switchboard.tickets.mail.from");
    }
}
