package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.activity.Activity;
import io.switchboard.activity.ActivityHistory;
import io.switchboard.activity.ActivityRecorder;
import io.switchboard.contact.CallerContext;
import io.switchboard.contact.CallerContexts;
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

/**
 * The flow of issue 7: a customer calls, Tier 1 opens a ticket from the call and escalates it to Tier 2; when the
 * customer calls again, the agent who takes the call sees the open ticket, where it is and how long it has left.
 */
@PostgresTest
class TicketPopTest extends TicketTestBase {

    @Autowired
    TicketActions actions;

    @Autowired
    Escalations escalations;

    @Autowired
    CallerContexts callerContexts;

    @Autowired
    Contacts contacts;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    ActivityHistory history;

    DirectoryUser anna;
    DirectoryUser bob;
    DirectoryUser erin;

    @BeforeEach
    void aCustomerAndTwoTiers() {
        Database.clear(jdbc);
        TeamId support = directory.team("Support");
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, support, "1001"));
        bob = directory.add(new NewUser("bob", "Bob", Role.AGENT, support, "1002"));
        erin = directory.add(new NewUser("erin", "Erin", Role.AGENT, directory.team("Engineering"), "2001"));
        tiers.addMember("Tier 1", anna.id());
        tiers.addMember("Tier 1", bob.id());
        tiers.addMember("Tier 2", erin.id());
        contacts.create(new NewContact(
                "Grace Hopper",
                null,
                null,
                null,
                null,
                Visibility.COMPANY,
                Set.of(),
                null,
                List.of(new NewPhone(PhoneType.MOBILE, "+49 151 23456789"))));
        clock.set(berlin("2026-06-08T10:00"));
    }

    @Test
    void repeatCallerSeesOpenTicketInPop() {
        Activity first = Calls.answered(
                recorder, history, anna.viewer(), "first", "+4915123456789", "1001", berlin("2026-06-08T09:50"));
        Ticket ticket = tickets.openFromActivity(first.id(), TicketFromCall.defaults(), anna.viewer());
        escalations.escalate(ticket.id(), EscalationRequest.toNextTier("needs an engineer"), anna.viewer());

        clock.set(berlin("2026-06-08T11:00"));
        CallerContext pop = callerContexts.contextFor("+4915123456789", bob.viewer());

        assertThat(pop.sections()).containsKey("openTickets");
        @SuppressWarnings("unchecked")
        List<OpenTicket> open = (List<OpenTicket>) pop.sections().get("openTickets");
        assertThat(open).singleElement().satisfies(shown -> {
            assertThat(shown.id()).isEqualTo(ticket.id());
            assertThat(shown.subject()).startsWith("Call from Grace Hopper");
            assertThat(shown.status()).isEqualTo(TicketStatus.NEW);
            assertThat(shown.tier()).isEqualTo("Tier 2");
            assertThat(shown.assigneeName()).isEqualTo("erin");
            // the first response (2 business hours from 10:00) is the next deadline: one hour left at 11:00
            assertThat(shown.nextDeadline().kind()).isEqualTo(SlaTarget.FIRST_RESPONSE);
            assertThat(shown.nextDeadline().left()).isEqualTo(Duration.ofHours(1));
            assertThat(shown.nextDeadline().dueAt()).isEqualTo(berlin("2026-06-08T12:00"));
        });
    }

    @Test
    void resolvedTicketsAndCallersWithoutTicketsAddNoSection() {
        Activity first = Calls.answered(
                recorder, history, anna.viewer(), "first", "+4915123456789", "1001", berlin("2026-06-08T09:50"));
        Ticket ticket = tickets.openFromActivity(first.id(), TicketFromCall.defaults(), anna.viewer());

        assertThat(callerContexts.contextFor("+4915123456789", bob.viewer()).sections())
                .containsKey("openTickets");
        actions.changeStatus(ticket.id(), TicketStatus.RESOLVED, "solved on the phone", anna.viewer());
        assertThat(callerContexts.contextFor("+4915123456789", bob.viewer()).sections())
                .doesNotContainKey("openTickets");
    }
}
