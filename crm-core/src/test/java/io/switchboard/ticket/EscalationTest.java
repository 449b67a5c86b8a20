package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import io.switchboard.testing.RecordingNotifier;
import io.switchboard.ticket.EscalationNotice.Recipient;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Automatic and manual escalation with a clock the test moves. A NORMAL ticket opened on Monday 8 June 2026 at 10:00
 * in Berlin (office hours 09:00-17:00) must be answered within 2 business hours (warning at 80 %: 11:36, breach
 * 12:00) and resolved within 10 (warning Tuesday 10:00, breach Tuesday 12:00).
 */
@PostgresTest
class EscalationTest extends TicketTestBase {

    @Autowired
    TicketActions actions;

    @Autowired
    Escalations escalations;

    @Autowired
    RecordingNotifier notifier;

    @Autowired
    SimpleMeterRegistry meters;

    DirectoryUser anna;
    DirectoryUser erin;
    DirectoryUser fred;
    DirectoryUser sam;
    DirectoryUser tina;

    @BeforeEach
    void threeTiers() {
        Database.clear(jdbc);
        notifier.clear();
        TeamId support = directory.team("Support");
        TeamId engineering = directory.team("Engineering");
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, support, "1001"));
        erin = directory.add(new NewUser("erin", "Erin", Role.AGENT, engineering, "2001"));
        fred = directory.add(new NewUser("fred", "Fred", Role.AGENT, engineering, "2002"));
        sam = directory.add(new NewUser("sam", "Sam", Role.SUPERVISOR, engineering, "2090"));
        tina = directory.add(new NewUser("tina", "Tina", Role.AGENT, null, "3001"));
        tiers.addMember("Tier 1", anna.id());
        tiers.addMember("Tier 2", erin.id());
        tiers.addMember("Tier 2", fred.id());
        tiers.addMember("Tier 3", tina.id());
        clock.set(berlin("2026-06-08T10:00"));
    }

    Ticket openNormal() {
        return tickets.open(NewTicket.of("Router drops calls", TicketPriority.NORMAL, null), anna.viewer());
    }

    @Test
    void warningEscalatesToTheNextTierAndTellsItsMembersAndTheirSupervisor() {
        Ticket ticket = openNormal();

        clock.set(berlin("2026-06-08T11:35"));
        assertThat(escalations.runDue().escalated()).isZero();

        clock.set(berlin("2026-06-08T11:36"));
        EscalationPass pass = escalations.runDue();

        assertThat(pass.warnings()).isEqualTo(1);
        Ticket escalated = tickets.find(ticket.id(), sam.viewer()).orElseThrow();
        assertThat(escalated.tier()).isEqualTo("Tier 2");
        assertThat(escalated.assignee()).isEqualTo(erin.id());
        assertThat(tickets.history(ticket.id(), sam.viewer()))
                .filteredOn(change -> change.kind() == ChangeKind.ESCALATED_ON_WARNING)
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.actor()).isNull();
                    assertThat(change.actorName()).isEqualTo("system");
                    assertThat(change.at()).isEqualTo(berlin("2026-06-08T11:36"));
                    assertThat(change.from()).isEqualTo("Tier 1");
                    assertThat(change.to()).isEqualTo("Tier 2");
                    assertThat(change.reason()).contains("first response target of 2h reached its warning threshold");
                });
        assertThat(notifier.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(EscalationKind.WARNING);
            assertThat(notice.fromTier()).isEqualTo("Tier 1");
            assertThat(notice.toTier()).isEqualTo("Tier 2");
            assertThat(notice.assignee()).isEqualTo(erin.id());
            assertThat(notice.recipients())
                    .extracting(Recipient::username, Recipient::role)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("erin", EscalationNotice.Role.ASSIGNEE),
                            org.assertj.core.groups.Tuple.tuple("fred", EscalationNotice.Role.TIER_MEMBER),
                            org.assertj.core.groups.Tuple.tuple("sam", EscalationNotice.Role.SUPERVISOR));
        });
        assertThat(meters.counter("switchboard.tickets.escalations", "kind", "warning", "tier", "Tier 2")
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void breachEscalatesOnceMoreAndARerunDoesNothing() {
        Ticket ticket = openNormal();
        clock.set(berlin("2026-06-08T11:36"));
        escalations.runDue();

        clock.set(berlin("2026-06-08T12:00"));
        EscalationPass breach = escalations.runDue();
        EscalationPass rerun = escalations.runDue();

        assertThat(breach.breaches()).isEqualTo(1);
        assertThat(rerun.escalated()).isZero();
        Ticket now = tickets.find(ticket.id(), anna.viewer()).orElseThrow();
        assertThat(now.tier()).isEqualTo("Tier 3");
        assertThat(now.assignee()).isEqualTo(tina.id());
        assertThat(now.sla())
                .filteredOn(state -> state.kind() == SlaTarget.FIRST_RESPONSE)
                .singleElement()
                .satisfies(state -> {
                    assertThat(state.isOverdue()).isTrue();
                    assertThat(state.breachedAt()).isEqualTo(berlin("2026-06-08T12:00"));
                });
        assertThat(notifier.notices())
                .extracting(EscalationNotice::kind)
                .containsExactly(EscalationKind.WARNING, EscalationKind.BREACH);
    }

    @Test
    void inTheLastTierABreachIsRecordedAndToldWithoutMovingTheTicket() {
        Ticket ticket = tickets.open(
                new NewTicket("Outage", null, TicketPriority.NORMAL, null, "Tier 3", null, null), anna.viewer());

        clock.set(berlin("2026-06-08T12:00"));
        EscalationPass pass = escalations.runDue();

        assertThat(pass.breaches()).isEqualTo(1);
        assertThat(tickets.find(ticket.id(), anna.viewer()).orElseThrow().tier())
                .isEqualTo("Tier 3");
        assertThat(tickets.history(ticket.id(), anna.viewer()))
                .extracting(TicketChange::kind)
                .contains(ChangeKind.SLA_BREACH)
                .doesNotContain(ChangeKind.ESCALATED_ON_BREACH);
        assertThat(notifier.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.movedTier()).isFalse();
            assertThat(notice.recipients()).extracting(Recipient::username).containsExactly("tina");
        });
    }

    @Test
    void catchUpAfterDowntimeEscalatesOnce() {
        Ticket ticket = openNormal();

        // Down from Monday 10:00 to Wednesday: every warning and breach of both clocks passed meanwhile.
        clock.set(berlin("2026-06-10T10:00"));
        EscalationPass catchUp = escalations.runDue();
        EscalationPass again = escalations.runDue();

        assertThat(catchUp.checked()).isEqualTo(1);
        assertThat(catchUp.breaches()).isEqualTo(1);
        assertThat(catchUp.warnings()).isZero();
        assertThat(again.checked()).isZero();
        assertThat(tickets.find(ticket.id(), anna.viewer()).orElseThrow().tier())
                .isEqualTo("Tier 2");
        assertThat(tickets.history(ticket.id(), anna.viewer()))
                .filteredOn(change -> change.kind().name().startsWith("ESCALATED"))
                .singleElement()
                .satisfies(change -> assertThat(change.reason())
                        .contains("first response target of 2h breached")
                        .contains("resolution target of 10h breached"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_sla_clocks where warned_at is not null and breached_at is not null",
                        Long.class))
                .isEqualTo(2);
    }

    @Test
    void aPendingTicketIsNotEscalatedWhileItsClocksArePaused() {
        Ticket ticket = openNormal();
        clock.set(berlin("2026-06-08T10:30"));
        actions.changeStatus(ticket.id(), TicketStatus.PENDING_CUSTOMER, "asked for logs", anna.viewer());

        clock.set(berlin("2026-06-15T10:00"));
        assertThat(escalations.runDue().checked()).isZero();

        Ticket resumed = actions.changeStatus(ticket.id(), TicketStatus.OPEN, "customer sent logs", anna.viewer());

        // 9.5 business hours of the resolution target were left: 7 on Monday the 15th, 2.5 on Tuesday.
        assertThat(resumed.sla())
                .filteredOn(state -> state.kind() == SlaTarget.RESOLUTION)
                .singleElement()
                .satisfies(state -> {
                    assertThat(state.paused()).isFalse();
                    assertThat(state.left()).isEqualTo(java.time.Duration.ofMinutes(570));
                    assertThat(state.dueAt()).isEqualTo(berlin("2026-06-16T11:30"));
                });
        // The customer spoke last: they are owed an update within 4 business hours.
        assertThat(resumed.sla())
                .filteredOn(state -> state.kind() == SlaTarget.NEXT_UPDATE)
                .singleElement()
                .satisfies(state -> assertThat(state.dueAt()).isEqualTo(berlin("2026-06-15T14:00")));
        clock.set(berlin("2026-06-16T11:30"));
        escalations.runDue();
        assertThat(tickets.find(ticket.id(), anna.viewer()).orElseThrow().sla())
                .filteredOn(state -> state.kind() == SlaTarget.RESOLUTION)
                .singleElement()
                .satisfies(state -> assertThat(state.breachedAt()).isEqualTo(berlin("2026-06-16T11:30")));
    }

    @Test
    void anAgentEscalatesByHandWithAReasonToAChosenTierAndMember() {
        Ticket ticket = openNormal();
        actions.assign(ticket.id(), anna.id(), null, anna.viewer());
        clock.set(berlin("2026-06-08T10:10"));

        Ticket escalated = escalations.escalate(
                ticket.id(), new EscalationRequest("Tier 3", tina.id(), "needs a firmware engineer"), anna.viewer());

        assertThat(escalated.tier()).isEqualTo("Tier 3");
        assertThat(escalated.assignee()).isEqualTo(tina.id());
        assertThat(tickets.history(ticket.id(), tina.viewer()))
                .filteredOn(change -> change.kind() == ChangeKind.ESCALATED_MANUALLY)
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.actor()).isEqualTo(anna.id());
                    assertThat(change.actorName()).isEqualTo("Anna");
                    assertThat(change.reason()).isEqualTo("needs a firmware engineer");
                });
        assertThat(notifier.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(EscalationKind.MANUAL);
            assertThat(notice.assignee()).isEqualTo(tina.id());
        });
    }

    @Test
    void manualEscalationGoesToTheNextTierByItsRuleAndNeedsAReason() {
        Ticket ticket = openNormal();

        assertThatThrownBy(() -> escalations.escalate(ticket.id(), EscalationRequest.toNextTier(" "), anna.viewer()))
                .isInstanceOf(InvalidTicketException.class)
                .hasMessageContaining("reason");

        Ticket escalated = escalations.escalate(
                ticket.id(), EscalationRequest.toNextTier("customer is a hospital"), anna.viewer());
        assertThat(escalated.tier()).isEqualTo("Tier 2");
        assertThat(escalated.assignee()).isIn(erin.id(), fred.id());
    }

    @Test
    void theLastTierCannotEscalateWithoutNamingATier() {
        Ticket ticket = tickets.open(
                new NewTicket("Outage", null, TicketPriority.NORMAL, null, "Tier 3", null, null), anna.viewer());

        assertThatThrownBy(() ->
                        escalations.escalate(ticket.id(), EscalationRequest.toNextTier("more help"), anna.viewer()))
                .isInstanceOf(InvalidTicketException.class)
                .hasMessageContaining("last tier");
    }

    @Test
    void leastLoadedMembersShareEscalatedTickets() {
        List<Ticket> opened = List.of(openNormal(), openNormal(), openNormal(), openNormal());

        clock.set(berlin("2026-06-08T11:36"));
        assertThat(escalations.runDue().warnings()).isEqualTo(4);

        assertThat(opened.stream()
                        .map(t ->
                                tickets.find(t.id(), sam.viewer()).orElseThrow().assignee())
                        .toList())
                .containsOnly(erin.id(), fred.id())
                .filteredOn(erin.id()::equals)
                .hasSize(2);
    }
}
