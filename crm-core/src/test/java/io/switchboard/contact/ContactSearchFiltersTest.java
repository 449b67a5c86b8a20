package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import io.switchboard.ticket.NewTicket;
import io.switchboard.ticket.TicketPriority;
import io.switchboard.ticket.Tickets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The contacts page's search box and filters, on PostgreSQL (with the trigram indexes of V18_50). */
@PostgresTest
class ContactSearchFiltersTest {

    @Autowired
    Contacts contacts;

    @Autowired
    ContactSearch search;

    @Autowired
    Tickets tickets;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    DirectoryUser anna;
    Viewer annasView;
    Viewer bob;
    TeamId support;

    @BeforeEach
    void contactsOfTwoAgents() {
        Database.clear(jdbc);
        support = directory.team("Support");
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, support, "1001"));
        annasView = anna.viewer();
        bob = directory
                .add(new NewUser("bob", "Bob", Role.AGENT, support, "1002"))
                .viewer();
        contacts.create(
                contact("Ada Lovelace", "Analytical Engines", anna, Visibility.TEAM, Set.of("VIP"), "+49 30 5550501"));
        contacts.create(contact(
                "Charles Babbage", "Analytical Engines", anna, Visibility.COMPANY, Set.of(), "+44 20 79460502"));
        contacts.create(contact("Grace Hopper", "Navy", null, Visibility.COMPANY, Set.of("cobol"), "+1 202 555 0103"));
    }

    @Test
    void theBoxFindsNamesCompaniesNumbersInAnyFormatEmailsAndTags() {
        assertThat(names(ContactFilter.text("ovela"))).containsExactly("Ada Lovelace");
        assertThat(names(ContactFilter.text("analytical"))).containsExactly("Ada Lovelace", "Charles Babbage");
        assertThat(names(ContactFilter.text("030 555-0501"))).containsExactly("Ada Lovelace");
        assertThat(names(ContactFilter.text("(202) 555-0103"))).containsExactly("Grace Hopper");
        assertThat(names(ContactFilter.text("vip"))).containsExactly("Ada Lovelace");
        assertThat(names(ContactFilter.text("nobody-like-this"))).isEmpty();
    }

    @Test
    void filtersNarrowAndSortOrders() {
        tickets.open(NewTicket.of("Broken", TicketPriority.NORMAL, idOf("Grace Hopper")), bob);

        assertThat(names(new ContactFilter(null, anna.id(), null, null, null, null, null)))
                .containsExactly("Ada Lovelace", "Charles Babbage");
        assertThat(names(new ContactFilter(null, null, support, Visibility.COMPANY, null, null, null)))
                .containsExactly("Charles Babbage");
        assertThat(names(new ContactFilter(null, null, null, null, "COBOL", null, null)))
                .containsExactly("Grace Hopper");
        assertThat(names(new ContactFilter(null, null, null, null, null, true, null)))
                .containsExactly("Grace Hopper");
        assertThat(names(new ContactFilter(null, null, null, null, null, false, null)))
                .containsExactly("Ada Lovelace", "Charles Babbage");
        assertThat(names(new ContactFilter(null, null, null, null, null, null, ContactSort.NAME_DESC)))
                .containsExactly("Grace Hopper", "Charles Babbage", "Ada Lovelace");
    }

    @Test
    void aFilterNeverShowsWhatTheViewerMayNotSee() {
        contacts.create(contact("Private Person", null, anna, Visibility.PRIVATE, Set.of("vip"), "+49 30 5550504"));

        assertThat(search.find(new ContactFilter("vip", null, null, null, null, null, null), bob, 0, 10)
                        .map(Contact::name)
                        .getContent())
                .containsExactly("Ada Lovelace");
        assertThat(search.find(
                                new ContactFilter(null, anna.id(), null, Visibility.PRIVATE, null, null, null),
                                bob,
                                0,
                                10)
                        .getTotalElements())
                .isZero();
    }

    private ContactId idOf(String name) {
        return search.find(ContactFilter.text(name), annasView, 0, 1)
                .getContent()
                .get(0)
                .id();
    }

    private List<String> names(ContactFilter filter) {
        return search.find(filter, annasView, 0, 50).getContent().stream()
                .map(Contact::name)
                .toList();
    }

    private static NewContact contact(
            String name,
            String company,
            DirectoryUser owner,
            Visibility visibility,
            Set<String> tags,
            String... phones) {
        return new NewContact(
                name,
                company,
                null,
                owner == null ? null : owner.id(),
                null,
                visibility,
                tags,
                null,
                Arrays.stream(phones)
                        .map(phone -> new NewPhone(PhoneType.WORK, phone))
                        .toList());
    }
}
