package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contact.ContactId;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.testing.Database;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ticket workbench's search box finds the same tickets on PostgreSQL (through its trigram indexes) and on the
 * demo's H2 (which reads the tickets): part of a subject or of the contact's name, in any case, each ticket once.
 */
abstract class TicketSearchContract {

    @Autowired
    Tickets tickets;

    @Autowired
    TicketWorkbench workbench;

    @Autowired
    Contacts contacts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    DirectoryUser root;
    TicketId printerJam;
    TicketId printerForHopper;
    TicketId invoiceForHopper;
    TicketId percentSign;

    @BeforeEach
    void fourTicketsInTierOnesQueue() {
        Database.clear(jdbc);
        root = directory.add(new NewUser("root", "Root", Role.ADMIN, null, null));
        ContactId hopper = contacts.create(new NewContact(
                        "Grace Hopper", null, null, null, null, Visibility.COMPANY, Set.of(), null, List.of()))
                .id();
        ContactId babbage = contacts.create(new NewContact(
                        "Charles Babbage", null, null, null, null, Visibility.COMPANY, Set.of(), null, List.of()))
                .id();
        printerJam = open("Printer jam on the 3rd floor", babbage);
        printerForHopper = open("The printer of Hopper's office", hopper);
        invoiceForHopper = open("Invoice 2026-114 is wrong", hopper);
        percentSign = open("Discount of 100% not applied", null);
    }

    @Test
    void partOfASubjectFindsItInAnyCase() {
        assertThat(search("PRINT")).containsExactlyInAnyOrder(printerJam, printerForHopper);
        assertThat(search("2026-11")).containsExactly(invoiceForHopper);
    }

    @Test
    void partOfTheContactsNameFindsTheirTicketsOnceEach() {
        // Hopper's printer ticket matches by subject and by contact: it is listed, and counted, once
        Page<Ticket> page = page("hopper");
        assertThat(page.getContent())
                .extracting(Ticket::id)
                .containsExactlyInAnyOrder(printerForHopper, invoiceForHopper);
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(search("race hop")).containsExactlyInAnyOrder(printerForHopper, invoiceForHopper);
    }

    @Test
    void wildcardsAreCharactersAndNothingMatchingFindsNothing() {
        assertThat(search("100%")).containsExactly(percentSign);
        assertThat(search("_")).isEmpty();
        assertThat(search("nobody-like-this")).isEmpty();
        assertThat(page("nobody-like-this").getTotalElements()).isZero();
    }

    private TicketId open(String subject, ContactId contact) {
        return tickets.open(
                        new NewTicket(subject, null, TicketPriority.NORMAL, contact, "Tier 1", null, null),
                        root.viewer())
                .id();
    }

    private List<TicketId> search(String text) {
        return page(text).getContent().stream().map(Ticket::id).toList();
    }

    private Page<Ticket> page(String text) {
        return workbench.find(
                new WorkbenchQuery(WorkbenchQuery.View.ALL, text, Set.of(), Set.of(), null, WorkbenchQuery.Sort.NEWEST),
                root.viewer(),
                0,
                25);
    }
}
