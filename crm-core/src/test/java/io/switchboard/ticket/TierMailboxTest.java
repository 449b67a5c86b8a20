package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.directory.Directory;
import io.switchboard.testing.PostgresTest;
import io.switchboard.testing.TestClock;
import io.switchboard.ticket.TierAdministration.TierForm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.SimpleMailMessage;

/**
 * A tier's escalation mailbox is data: set, changed and cleared with the tier (no restart, no name in the
 * configuration); {@code switchboard.tickets.tiers[].email} is copied in once, for tiers stored before.
 */
@PostgresTest
class TierMailboxTest {

    @Autowired
    TierAdministration administration;

    @Autowired
    SupportTiers tiers;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    Directory directory;

    @Autowired
    TestClock clock;

    @AfterEach
    void tierTwoWithoutAMailbox() {
        Tier two = tiers.tier("Tier 2");
        administration.update("Tier 2", new TierForm("Tier 2", two.assignment(), true, two.sla(), null), null);
    }

    @Test
    void theMailboxSetOnATierIsWhereTheNextEscalationMailGoes() {
        List<SimpleMailMessage> sent = new ArrayList<>();
        MailEscalationNotifier notifier = new MailEscalationNotifier(
                messages -> sent.addAll(List.of(messages)),
                Runnable::run,
                "switchboard@example.com",
                tier -> tiers.mailbox(tier).orElse(null),
                null,
                new SimpleMeterRegistry());
        Tier two = tiers.tier("Tier 2");

        administration.update(
                "Tier 2", new TierForm("Tier 2", two.assignment(), true, two.sla(), "tier2@example.com"), null);
        notifier.escalated(EscalationMailTest.notice("Tier 1", "Tier 2", EscalationKind.WARNING));
        administration.update(
                "Tier 2", new TierForm("Tier 2", two.assignment(), true, two.sla(), "second-line@example.com"), null);
        notifier.escalated(EscalationMailTest.notice("Tier 1", "Tier 2", EscalationKind.BREACH));
        administration.update("Tier 2", new TierForm("Tier 2", two.assignment(), true, two.sla(), null), null);
        notifier.escalated(EscalationMailTest.notice("Tier 1", "Tier 2", EscalationKind.BREACH));

        assertThat(sent)
                .extracting(mail -> List.of(mail.getTo()))
                .containsExactly(List.of("tier2@example.com"), List.of("second-line@example.com"));
    }

    @Test
    void aMailboxIsOneAddress() {
        for (String bad : new String[] {"tier2", "a@b.example, c@d.example", "tier 2@example.com", "<a@b.example>"}) {
            assertThatThrownBy(() -> new TierForm("Tier 2", null, true, null, bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidTicketException.class,
                            e -> assertThat(e.getMessage()).contains("one e-mail address"));
        }
        assertThat(new TierForm("Tier 2", null, true, null, "  ").mailbox()).isNull();
    }

    @Test
    void theConfiguredEmailIsCopiedInOnceForATierStoredBeforeAndNeverOverAnAdminsChange() {
        // a tier as the migration leaves one stored before mailboxes were data
        jdbc.getJdbcTemplate()
                .update("update support_tiers set mailbox = null, mailbox_from_config = true where name = 'Tier 2'");
        Tier configured = new Tier("Tier 2", 2, AssignmentRule.LEAST_LOADED, true, null, "from-config@example.com");

        assertThat(node(configured).mailbox("Tier 2")).contains("from-config@example.com");

        Tier two = tiers.tier("Tier 2");
        administration.update("Tier 2", new TierForm("Tier 2", two.assignment(), true, two.sla(), null), null);
        assertThat(node(configured).mailbox("Tier 2"))
                .as("after an admin cleared it")
                .isEmpty();
    }

    /** A node starting with the configured tier (its first read copies what it must). */
    private SupportTiers node(Tier configured) {
        return new SupportTiers(List.of(configured), jdbc, directory, clock, Duration.ZERO);
    }
}
