package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.activity.Activity;
import io.switchboard.activity.ActivityHistory;
import io.switchboard.activity.ActivityRecorder;
import io.switchboard.contact.ContactId;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A ticket's life: opened from a call in one step, answered, waiting for the customer, resolved, reopened; every
 * change in the history. The test clock stands on Monday 8 June 2026, 10:00 in Berlin (office hours 09:00-17:00).
 */
@PostgresTest
class TicketLifecycleTest extends TicketTestBase {

    @Autowired
    TicketActions actions;

    @Autowired
    Contacts contacts;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    ActivityHistory history;

    DirectoryUser anna;
    DirectoryUser bob;
    ContactId ada;

    @BeforeEach
    void anAgentAndACustomer() {
        Database.clear(jdbc);
        TeamId support = directory.team("Support");
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, support, "1001"));
        bob = directory.add(new NewUser("bob", "Bob", Role.AGENT, support, "1002"));
        tiers.addMember("Tier 1", anna.id());
        tiers.addMember("Tier 1", bob.id());
        ada = contacts.create(new NewContact(
                        "Ada Lovelace",
                        "Analytical Engines",
                        null,
                        null,
                        null,
                        Visibility.COMPANY,
                        Set.of(),
                        null,
                        List.of(new NewPhone(PhoneType.WORK, "+49 30 1234567"))))
                .id();
        clock.set(berlin("2026-06-08T10:00"));
    }

    @Test
    void openingFromACallFillsInTheCallsDetails() {
        Activity call = Calls.answered(
                recorder, history, anna.viewer(), "call-1", "+49301234567", "1001", berlin("2026-06-08T09:40"));

        Ticket ticket = tickets.openFromActivity(
                call.id(), new TicketFromCall(null, null, TicketPriority.NORMAL, null, anna.id()), anna.viewer());

        assertThat(ticket.contact()).isEqualTo(ada);
        assertThat(ticket.contactName()).isEqualTo("Ada Lovelace");
        assertThat(ticket.subject()).isEqualTo("Call from Ada Lovelace (+49301234567), 2026-06-08 09:40");
        assertThat(ticket.description()).contains("inbound call answered via queue support, agent 1001");
        assertThat(ticket.callIds()).containsExactly("call-1");
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.tier()).isEqualTo("Tier 1");
        assertThat(ticket.assignee()).isEqualTo(anna.id());
        assertThat(ticket.openedBy()).isEqualTo(anna.id());
        assertThat(ticket.slaPolicy()).isEqualTo("NORMAL");
        assertThat(ticket.sla())
                .extracting(SlaState::kind, SlaState::dueAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SlaTarget.FIRST_RESPONSE, berlin("2026-06-08T12:00")),
                        org.assertj.core.groups.Tuple.tuple(SlaTarget.RESOLUTION, berlin("2026-06-09T12:00")));
        assertThat(tickets.history(ticket.id(), anna.viewer()))
                .extracting(TicketChange::kind)
                .containsExactly(ChangeKind.CREATED, ChangeKind.ASSIGNEE, ChangeKind.CALL_LINKED);
    }

    @Test
    void aLaterCallAboutTheTicketIsLinkedToIt() {
        Activity first = Calls.answered(
                recorder, history, anna.viewer(), "call-1", "+49301234567", "1001", berlin("2026-06-08T09:40"));
        Ticket ticket = tickets.openFromActivity(first.id(), TicketFromCall.defaults(), anna.viewer());
        Activity again = Calls.answered(
                recorder, history, anna.viewer(), "call-2", "+49301234567", "1001", berlin("2026-06-08T11:40"));

        Ticket linked = actions.linkActivity(ticket.id(), again.id(), anna.viewer());

        assertThat(linked.callIds()).containsExactly("call-1", "call-2");
        assertThat(actions.linkCall(ticket.id(), "call-2", anna.viewer()).callIds())
                .containsExactly("call-1", "call-2");
    }

    @Test
    void aFirstTierQueueTicketWaitsUnassigned() {
        Ticket ticket = tickets.open(NewTicket.of("Invoice wrong", TicketPriority.LOW, ada), anna.viewer());

        assertThat(ticket.assignee()).isNull();
        assertThat(tickets.find(TicketQuery.tierQueue("Tier 1"), bob.viewer(), 0, 10)
                        .getContent())
                .extracting(Ticket::id)
                .containsExactly(ticket.id());
        Ticket taken = actions.assign(ticket.id(), bob.id(), "mine", bob.viewer());
        assertThat(taken.assigneeName()).isEqualTo("bob");
        assertThat(tickets.find(TicketQuery.tierQueue("Tier 1"), bob.viewer(), 0, 10)
                        .getContent())
                .isEmpty();
        assertThat(tickets.find(TicketQuery.assignedTo(bob.id()), bob.viewer(), 0, 10)
                        .getContent())
                .extracting(Ticket::id)
                .containsExactly(ticket.id());
    }

    @Test
    void anAgentMayNotGiveSomeoneElsesTicketAway() {
        Ticket ticket = tickets.open(
                new NewTicket("Invoice wrong", null, TicketPriority.LOW, ada, null, anna.id(), null), anna.viewer());

        assertThatThrownBy(() -> actions.assign(ticket.id(), bob.id(), null, anna.viewer()))
                .isInstanceOf(TicketAccessDeniedException.class);
    }

    @Test
    void respondingMeetsTheFirstResponseAndStartsTheNextUpdateClock() {
        Ticket ticket = tickets.open(NewTicket.of("Router drops calls", TicketPriority.NORMAL, ada), anna.viewer());
        clock.set(berlin("2026-06-08T11:00"));

        Ticket answered = actions.respond(ticket.id(), "We are looking into it", anna.viewer());

        assertThat(answered.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(answered.firstRespondedAt()).isEqualTo(berlin("2026-06-08T11:00"));
        assertThat(answered.sla())
                .filteredOn(state -> state.kind() == SlaTarget.FIRST_RESPONSE)
                .singleElement()
                .satisfies(state -> assertThat(state.metAt()).isEqualTo(berlin("2026-06-08T11:00")));
        // 4 business hours from 11:00: 15:00 the same day.
        assertThat(answered.sla())
                .filteredOn(state -> state.kind() == SlaTarget.NEXT_UPDATE)
                .singleElement()
                .satisfies(state -> assertThat(state.dueAt()).isEqualTo(berlin("2026-06-08T15:00")));
    }

    @Test
    void pendingTheCustomerPausesTheClocksAndTheTimeLeftIsKept() {
        Ticket ticket = tickets.open(NewTicket.of("Router drops calls", TicketPriority.NORMAL, ada), anna.viewer());
        clock.set(berlin("2026-06-08T12:00"));

        Ticket pending =
                actions.changeStatus(ticket.id(), TicketStatus.PENDING_CUSTOMER, "asked for logs", anna.viewer());
        clock.set(berlin("2026-06-12T16:00"));

        assertThat(tickets.find(ticket.id(), anna.viewer()).orElseThrow().sla())
                .filteredOn(state -> state.kind() == SlaTarget.RESOLUTION)
                .singleElement()
                .satisfies(state -> {
                    assertThat(state.paused()).isTrue();
                    assertThat(state.dueAt()).isNull();
                    assertThat(state.left()).isEqualTo(Duration.ofHours(8));
                });
        assertThat(pending.firstRespondedAt()).isEqualTo(berlin("2026-06-08T12:00"));
    }

    @Test
    void resolvingStopsTheClocksAndReopeningResumesTheResolutionClock() {
        Ticket ticket = tickets.open(NewTicket.of("Router drops calls", TicketPriority.NORMAL, ada), anna.viewer());
        clock.set(berlin("2026-06-08T13:00"));
        Ticket resolved = actions.changeStatus(ticket.id(), TicketStatus.RESOLVED, "firmware updated", anna.viewer());

        assertThat(resolved.sla()).allSatisfy(state -> assertThat(state.isMet()).isTrue());
        assertThat(resolved.nextDeadline()).isEmpty();

        clock.set(berlin("2026-06-09T09:00"));
        Ticket reopened = actions.changeStatus(ticket.id(), TicketStatus.OPEN, "drops again", anna.viewer());

        // 3 of 10 hours were used on Monday: 7 are left from Tuesday 09:00, due 16:00.
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.sla())
                .filteredOn(state -> state.kind() == SlaTarget.RESOLUTION)
                .singleElement()
                .satisfies(state -> assertThat(state.dueAt()).isEqualTo(berlin("2026-06-09T16:00")));
    }

    @Test
    void aClosedTicketStaysClosed() {
        Ticket ticket = tickets.open(NewTicket.of("Spam", TicketPriority.LOW, null), anna.viewer());
        actions.changeStatus(ticket.id(), TicketStatus.CLOSED, "spam", anna.viewer());

        assertThatThrownBy(() -> actions.changeStatus(ticket.id(), TicketStatus.OPEN, null, anna.viewer()))
                .isInstanceOf(InvalidTicketException.class)
                .hasMessageContaining("CLOSED");
    }

    @Test
    void aHigherPriorityPicksTheAccountsOwnPolicyAndCountsTheTimeUsed() {
        Ticket ticket = tickets.open(NewTicket.of("Router drops calls", TicketPriority.NORMAL, ada), anna.viewer());
        clock.set(berlin("2026-06-08T11:00"));

        Ticket raised = actions.edit(
                ticket.id(),
                new TicketEdit(null, null, TicketPriority.HIGH, null, ticket.version(), "production down"),
                anna.viewer());

        // Analytical Engines has its own HIGH policy: resolution in 4 hours around the clock, 1 hour already used.
        assertThat(raised.slaPolicy()).isEqualTo("HIGH/Analytical Engines");
        assertThat(raised.sla())
                .filteredOn(state -> state.kind() == SlaTarget.RESOLUTION)
                .singleElement()
                .satisfies(state -> assertThat(state.dueAt()).isEqualTo(berlin("2026-06-08T14:00")));
        assertThat(tickets.history(ticket.id(), anna.viewer()))
                .filteredOn(change -> change.kind() == ChangeKind.PRIORITY)
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.actor()).isEqualTo(anna.id());
                    assertThat(change.at()).isEqualTo(berlin("2026-06-08T11:00"));
                    assertThat(change.from()).isEqualTo("NORMAL");
                    assertThat(change.to()).isEqualTo("HIGH");
                    assertThat(change.reason()).isEqualTo("production down");
                });
    }

    @Test
    void aStaleEditIsRefused() {
        Ticket ticket = tickets.open(NewTicket.of("Router drops calls", TicketPriority.NORMAL, ada), anna.viewer());
        actions.edit(
                ticket.id(), new TicketEdit("Router drops all calls", null, null, null, null, null), anna.viewer());

        assertThatThrownBy(() -> actions.edit(
                        ticket.id(),
                        new TicketEdit("Router reboots", null, null, null, ticket.version(), null),
                        anna.viewer()))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void aCallInProgressIsLinkedByItsIdAndTheSubjectIsRequired() {
        Ticket ticket = tickets.open(
                new NewTicket("Wants a callback", null, null, ada, null, null, "live-call-7"), anna.viewer());

        assertThat(ticket.priority()).isEqualTo(TicketPriority.NORMAL);
        assertThat(ticket.callIds()).containsExactly("live-call-7");
        assertThatThrownBy(() -> tickets.open(NewTicket.of(" ", TicketPriority.LOW, ada), anna.viewer()))
                .isInstanceOf(InvalidTicketException.class)
                .extracting(e -> ((InvalidTicketException) e).field())
                .isEqualTo("subject");
    }
}
