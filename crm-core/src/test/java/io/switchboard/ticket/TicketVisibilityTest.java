package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.contact.ContactId;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who sees which tickets. Support (agents Anna and Bob, supervisor Sue) staffs Tier 1; Engineering (agent Erin,
 * supervisor Sam) staffs Tier 2; Tier 3 has nobody. Five tickets about a customer only the admin may see, so that
 * only the role rules decide: Anna's (T1), Tier 1's queue (T2), Erin's (T3), Tier 2's queue (T4), Tier 3's
 * queue (T5).
 */
@PostgresTest
class TicketVisibilityTest {

    @Autowired
    Tickets tickets;

    @Autowired
    TicketActions actions;

    @Autowired
    SupportTiers tiers;

    @Autowired
    Contacts contacts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    DirectoryUser anna;
    DirectoryUser bob;
    DirectoryUser sue;
    DirectoryUser erin;
    DirectoryUser sam;
    DirectoryUser root;
    DirectoryUser max;
    TicketId t1;
    TicketId t2;
    TicketId t3;
    TicketId t4;
    TicketId t5;

    @BeforeEach
    void twoTeamsThreeTiersFiveTickets() {
        Database.clear(jdbc);
        TeamId support = directory.team("Support");
        TeamId engineering = directory.team("Engineering");
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, support, "1001"));
        bob = directory.add(new NewUser("bob", "Bob", Role.AGENT, support, "1002"));
        sue = directory.add(new NewUser("sue", "Sue", Role.SUPERVISOR, support, "1090"));
        erin = directory.add(new NewUser("erin", "Erin", Role.AGENT, engineering, "2001"));
        sam = directory.add(new NewUser("sam", "Sam", Role.SUPERVISOR, engineering, "2090"));
        root = directory.add(new NewUser("root", "Root", Role.ADMIN, null, null));
        max = directory.add(new NewUser("max", "Max", Role.CAMPAIGN_MANAGER, null, null));
        tiers.addMember("Tier 1", anna.id());
        tiers.addMember("Tier 1", bob.id());
        ContactId secret = contact("Secret customer", root, Visibility.PRIVATE);

        t1 = open("T1", secret, "Tier 1", anna, root);
        t2 = open("T2", secret, "Tier 1", null, root);
        // Tier 2 gives tickets to its least-loaded member: T4 is opened while it has none, so it stays queued
        t4 = open("T4", secret, "Tier 2", null, root);
        t5 = open("T5", secret, "Tier 3", null, root);
        tiers.addMember("Tier 2", erin.id());
        t3 = open("T3", secret, "Tier 2", erin, root);
    }

    @Test
    void agentsSeeTheirTicketsAndTheirTiersQueue() {
        assertThat(visible(anna)).containsExactlyInAnyOrder(t1, t2);
        assertThat(visible(bob)).containsExactlyInAnyOrder(t2);
        assertThat(visible(erin)).containsExactlyInAnyOrder(t3, t4);
    }

    @Test
    void supervisorsSeeTheirTeamsTickets() {
        assertThat(visible(sue)).containsExactlyInAnyOrder(t1, t2);
        assertThat(visible(sam)).containsExactlyInAnyOrder(t3, t4);
        assertThat(tickets.find(TicketQuery.assignedTo(anna.id()), sue.viewer(), 0, 10)
                        .getContent())
                .extracting(Ticket::id)
                .containsExactly(t1);
    }

    @Test
    void adminsSeeAndWorkOnAll() {
        assertThat(visible(root)).containsExactlyInAnyOrder(t1, t2, t3, t4, t5);
        assertThat(actions.respond(t5, "on it", root.viewer()).status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void campaignManagersSeeEveryCustomersTicketsButWorkOnNone() {
        // they see every contact (to build call lists), and so every ticket about one
        assertThat(visible(max)).containsExactlyInAnyOrder(t1, t2, t3, t4, t5);
        assertThatThrownBy(() -> actions.respond(t2, "hello", max.viewer()))
                .isInstanceOf(TicketAccessDeniedException.class);
    }

    @Test
    void aTicketOutOfSightIsNotFoundAndCannotBeChanged() {
        assertThat(tickets.find(t3, anna.viewer())).isEmpty();
        assertThatThrownBy(() -> tickets.history(t3, anna.viewer())).isInstanceOf(TicketNotFoundException.class);
        assertThatThrownBy(() -> actions.respond(t3, "hello", anna.viewer()))
                .isInstanceOf(TicketNotFoundException.class);
        assertThatThrownBy(() -> actions.respond(t3, "hello", sue.viewer()))
                .isInstanceOf(TicketNotFoundException.class);
        assertThat(actions.respond(t3, "hello", sam.viewer()).status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void everyoneWhoMaySeeTheCustomerSeesTheirTicketsButWorksOnlyOnTheirOwn() {
        ContactId shared = contact("Known to all", null, Visibility.COMPANY);
        TicketId engineering = open("Shared", shared, "Tier 2", erin, root);

        assertThat(tickets.find(TicketQuery.ofContact(shared), bob.viewer(), 0, 10)
                        .getContent())
                .extracting(Ticket::id)
                .containsExactly(engineering);
        assertThatThrownBy(() -> actions.respond(engineering, "hello", bob.viewer()))
                .isInstanceOf(TicketAccessDeniedException.class);
    }

    private List<TicketId> visible(DirectoryUser user) {
        return tickets.find(TicketQuery.active(), user.viewer(), 0, 50).getContent().stream()
                .map(Ticket::id)
                .toList();
    }

    private TicketId open(String subject, ContactId contact, String tier, DirectoryUser assignee, DirectoryUser by) {
        Viewer viewer = by.viewer();
        return tickets.open(
                        new NewTicket(
                                subject,
                                null,
                                TicketPriority.NORMAL,
                                contact,
                                tier,
                                assignee == null ? null : assignee.id(),
                                null),
                        viewer)
                .id();
    }

    private ContactId contact(String name, DirectoryUser owner, Visibility visibility) {
        return contacts.create(new NewContact(
                        name,
                        null,
                        null,
                        owner == null ? null : owner.id(),
                        null,
                        visibility,
                        Set.of(),
                        null,
                        List.of()))
                .id();
    }
}
