package io.switchboard.demo;

import io.switchboard.contact.Contact;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.ticket.EscalationRequest;
import io.switchboard.ticket.Escalations;
import io.switchboard.ticket.NewTicket;
import io.switchboard.ticket.SupportTiers;
import io.switchboard.ticket.Ticket;
import io.switchboard.ticket.TicketActions;
import io.switchboard.ticket.TicketPriority;
import io.switchboard.ticket.TicketStatus;
import io.switchboard.ticket.Tickets;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's tickets and likely duplicates, so that a newcomer finds the ticket workbench and a contact's card filled:
 * agent1 works Tier 1, agent2 Tiers 1 and 2; tickets wait in Tier 1's queue, are being worked, wait for the
 * customer, were resolved, two were escalated to Tier 2 by hand, and one has run past its SLA (the escalation
 * scheduler sends it on to Tier 2 at its next pass); and Grace Hopper has a second, misspelt record with her e-mail.
 */
final class DemoTickets {

    /** How many company-wide contacts the tickets are about. */
    static final int CUSTOMERS = 6;

    private final Tickets tickets;
    private final TicketActions actions;
    private final Escalations escalations;
    private final SupportTiers tiers;
    private final Contacts contacts;
    private final JdbcTemplate jdbc;

    DemoTickets(
            Tickets tickets,
            TicketActions actions,
            Escalations escalations,
            SupportTiers tiers,
            Contacts contacts,
            JdbcTemplate jdbc) {
        this.tickets = tickets;
        this.actions = actions;
        this.escalations = escalations;
        this.tiers = tiers;
        this.contacts = contacts;
        this.jdbc = jdbc;
    }

    /**
     * @param customers the seeded company-wide contacts, at least {@link #CUSTOMERS}
     */
    void seed(DirectoryUser agent1, DirectoryUser agent2, List<Contact> customers) {
        String first = tiers.first().name();
        String second = tiers.next(first).orElseThrow().name();
        tiers.addMember(first, agent1.id());
        tiers.addMember(first, agent2.id());
        tiers.addMember(second, agent2.id());

        open(
                "Printer offline since the firmware update",
                TicketPriority.NORMAL,
                customers.get(0),
                first,
                agent1,
                "Hardware",
                "printer",
                "firmware");
        open(
                "Question about the new price list",
                TicketPriority.LOW,
                customers.get(1),
                first,
                agent2,
                "Contracts",
                "upgrade",
                "contract");
        Ticket invoice = open(
                "Invoice shows the wrong VAT rate",
                TicketPriority.HIGH,
                customers.get(2),
                first,
                agent1,
                "Billing",
                "invoice",
                "billing");
        actions.assign(invoice.id(), agent1.id(), null, agent1.viewer());
        actions.respond(invoice.id(), "We are checking the rate with accounting.", agent1.viewer());
        Ticket address = open(
                "Delivery address not updated",
                TicketPriority.LOW,
                customers.get(3),
                first,
                agent2,
                "Orders",
                "delivery",
                "address");
        actions.assign(address.id(), agent2.id(), null, agent2.viewer());
        actions.changeStatus(address.id(), TicketStatus.PENDING_CUSTOMER, "Asked for the new address", agent2.viewer());
        Ticket refund = open(
                "Refund not received", TicketPriority.NORMAL, customers.get(4), first, agent1, "Billing", "refund");
        actions.assign(refund.id(), agent1.id(), null, agent1.viewer());
        actions.changeStatus(refund.id(), TicketStatus.RESOLVED, "Refund sent again", agent1.viewer());

        Ticket login = open(
                "Cannot log in to the customer portal",
                TicketPriority.URGENT,
                customers.get(5),
                first,
                agent1,
                "Accounts",
                "password",
                "login");
        escalations.escalate(
                login.id(),
                EscalationRequest.toNextTier("Password reset does not help: account locked"),
                agent1.viewer());
        Ticket export = open(
                "Data export fails for large accounts", TicketPriority.HIGH, customers.get(0), first, agent2, "Other");
        escalations.escalate(
                export.id(),
                EscalationRequest.toNextTier("Reproducible with 20,000 rows: needs an engineer"),
                agent2.viewer());

        Ticket drops = open(
                "Phone line drops after 30 seconds",
                TicketPriority.URGENT,
                customers.get(2),
                first,
                agent1,
                "Internet",
                "outage");
        overdue(drops);

        Contact grace = customers.stream()
                .filter(contact -> contact.name().equals("Grace Hopper"))
                .findFirst()
                .orElse(customers.get(0));
        contacts.create(new NewContact(
                "Grace Hoper",
                grace.account() == null ? null : grace.account().name(),
                grace.email(),
                null,
                null,
                Visibility.COMPANY,
                Set.of(),
                "Created from a call before anyone found her record",
                List.of(new NewPhone(PhoneType.MOBILE, "+49 151 55501234"))));
    }

    /** A ticket with a category and tags that the demo's articles answer, so its page suggests them. */
    private Ticket open(
            String subject,
            TicketPriority priority,
            Contact contact,
            String tier,
            DirectoryUser by,
            String category,
            String... tags) {
        return tickets.open(
                new NewTicket(subject, null, priority, contact.id(), tier, null, null, category, List.of(tags)),
                by.viewer());
    }

    /**
     * The ticket as if opened a day ago and never answered: its first-response clock ran out half an hour ago (its
     * warning already done). The demo cannot wait a business hour for a real breach, so the clock is set back here,
     * the only place that writes a ticket's rows directly.
     */
    private void overdue(Ticket ticket) {
        jdbc.update(
                "update ticket_sla_clocks set consumed_seconds = target_seconds + 1800,"
                        + " warn_at = current_timestamp - interval '1' hour,"
                        + " warned_at = current_timestamp - interval '1' hour,"
                        + " due_at = current_timestamp - interval '30' minute"
                        + " where ticket_id = ? and target = 'FIRST_RESPONSE'",
                ticket.id().value());
        jdbc.update(
                "update tickets set created_at = current_timestamp - interval '1' day,"
                        + " next_check_at = current_timestamp - interval '30' minute where id = ?",
                ticket.id().value());
    }
}
