package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import io.switchboard.ticket.TierAdministration.TierForm;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Escalation into a tier with an SLA policy of its own restarts the ticket's clocks under that policy. A NORMAL
 * ticket opened on Monday 8 June 2026 at 10:00 in Berlin under the default policy (first response 2 business hours
 * of 09:00-17:00: warning 11:36, breach 12:00) warns at 11:36 and moves to Tier 2, whose own policy promises a first
 * response within 8 hours and a resolution within 24, around the clock (calendar {@code always}).
 */
@PostgresTest
class EscalationUnderTheTiersPolicyTest extends TicketTestBase {

    @Autowired
    Escalations escalations;

    @Autowired
    TierAdministration administration;

    DirectoryUser anna;
    DirectoryUser erin;

    @BeforeEach
    void tierTwoWithAPolicyOfItsOwn() {
        Database.clear(jdbc);
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, directory.team("Support"), "1001"));
        erin = directory.add(new NewUser("erin", "Erin", Role.AGENT, directory.team("Engineering"), "2001"));
        tiers.addMember("Tier 1", anna.id());
        tiers.addMember("Tier 2", erin.id());
        Tier two = tiers.tier("Tier 2");
        administration.update(
                "Tier 2",
                new TierForm(
                        "Tier 2",
                        two.assignment(),
                        true,
                        new TierSla(Duration.ofHours(8), null, Duration.ofHours(24), "always")),
                null);
        clock.set(berlin("2026-06-08T10:00"));
    }

    @AfterEach
    void tierTwoAsTheOtherTestsKnowIt() {
        Tier two = tiers.tier("Tier 2");
        administration.update("Tier 2", new TierForm("Tier 2", two.assignment(), true, null), null);
    }

    @Test
    void aTicketEscalatedIntoATierWithItsOwnPolicyRunsItsClocksAgainUnderThatPolicy() {
        Ticket ticket = tickets.open(NewTicket.of("Router drops calls", TicketPriority.NORMAL, null), anna.viewer());
        assertThat(ticket.tier()).isEqualTo("Tier 1");

        clock.set(berlin("2026-06-08T11:36"));
        assertThat(escalations.runDue().warnings()).isEqualTo(1);

        Ticket escalated = tickets.find(ticket.id(), erin.viewer()).orElseThrow();
        assertThat(escalated.tier()).isEqualTo("Tier 2");
        assertThat(escalated.slaPolicy()).isEqualTo("TIER/Tier 2");
        assertThat(escalated.sla())
                .filteredOn(state -> state.kind() == SlaTarget.FIRST_RESPONSE)
                .singleElement()
                .satisfies(state -> {
                    assertThat(state.target()).isEqualTo(Duration.ofHours(8));
                    assertThat(state.dueAt()).isEqualTo(berlin("2026-06-08T19:36"));
                    assertThat(state.warnedAt()).isNull();
                    assertThat(state.breachedAt()).isNull();
                });
        assertThat(escalated.sla())
                .filteredOn(state -> state.kind() == SlaTarget.RESOLUTION)
                .singleElement()
                .satisfies(state -> {
                    assertThat(state.target()).isEqualTo(Duration.ofHours(24));
                    assertThat(state.dueAt()).isEqualTo(berlin("2026-06-09T11:36"));
                });

        // the default policy's breach at 12:00 is not Tier 2's promise: nothing escalates then
        clock.set(berlin("2026-06-08T12:00"));
        assertThat(escalations.runDue().escalated()).isZero();
        // Tier 2's own first-response warning (80 % of 8 h after 11:36) is
        clock.set(berlin("2026-06-08T18:00"));
        assertThat(escalations.runDue().warnings()).isEqualTo(1);
        // (Erin no longer sees it there: read the row)
        assertThat(jdbc.queryForObject(
                        "select tier from tickets where id = ?",
                        String.class,
                        ticket.id().value()))
                .isEqualTo("Tier 3");
    }

    @Test
    void aTierWithoutAPolicyOfItsOwnLeavesTheClocksRunningAsTheyWere() {
        Tier two = tiers.tier("Tier 2");
        administration.update("Tier 2", new TierForm("Tier 2", two.assignment(), true, null), null);
        Ticket ticket = tickets.open(NewTicket.of("Router drops calls", TicketPriority.NORMAL, null), anna.viewer());

        clock.set(berlin("2026-06-08T11:36"));
        escalations.runDue();

        Ticket escalated = tickets.find(ticket.id(), erin.viewer()).orElseThrow();
        assertThat(escalated.tier()).isEqualTo("Tier 2");
        assertThat(escalated.slaPolicy()).isEqualTo(ticket.slaPolicy());
        assertThat(escalated.sla())
                .filteredOn(state -> state.kind() == SlaTarget.FIRST_RESPONSE)
                .singleElement()
                .satisfies(state -> {
                    assertThat(state.dueAt()).isEqualTo(berlin("2026-06-08T12:00"));
                    assertThat(state.warnedAt()).isEqualTo(berlin("2026-06-08T11:36"));
                });
    }
}
