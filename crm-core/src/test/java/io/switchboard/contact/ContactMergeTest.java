package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.contact.DuplicateCandidate.Reason;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
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
import org.springframework.dao.OptimisticLockingFailureException;

/** Finding likely duplicates and merging two contacts into one, on PostgreSQL. */
@PostgresTest
class ContactMergeTest extends SupportTeamTestBase {

    @Autowired
    ContactMerger merger;

    @Autowired
    ContactDuplicates duplicates;

    @Autowired
    CallerLookup lookup;

    @Autowired
    Tickets tickets;

    Viewer sue;

    @BeforeEach
    void theirSupervisor() {
        sue = directory
                .add(new NewUser("sue", "Sue", Role.SUPERVISOR, support, null))
                .viewer();
    }

    @Test
    void duplicatesAreFoundBySameNumberSameEmailAndSimilarNameInTheAccount() {
        Contact ada = contacts.create(contact("Ada Lovelace", "Engines", "ada@example.com", "+49 30 5550101"));
        Contact sameNumber = contacts.create(contact("A. King", null, null, "030 5550101"));
        Contact sameEmail = contacts.create(contact("Countess", null, "ADA@example.com"));
        Contact similar = contacts.create(contact("Ada Lovelance", "engines", null));
        contacts.create(contact("Charles Babbage", "Engines", null, "+49 30 5550102"));
        contacts.create(contact("Ada Lovelace", "Other Company", null));

        List<DuplicateCandidate> found = duplicates.of(ada.id(), bob);

        assertThat(found)
                .extracting(candidate -> candidate.contact().id(), DuplicateCandidate::reasons)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(sameNumber.id(), Set.of(Reason.SAME_NUMBER)),
                        org.assertj.core.groups.Tuple.tuple(sameEmail.id(), Set.of(Reason.SAME_EMAIL)),
                        org.assertj.core.groups.Tuple.tuple(similar.id(), Set.of(Reason.SIMILAR_NAME)));
    }

    @Test
    void aMergeKeepsEveryNumberCallTicketAndLeadAndIsAudited() {
        Contact kept = contacts.create(withTagsAndNotes(
                contact("Ada Lovelace", "Engines", null, "+49 30 5550201"), Set.of("vip"), "Prefers mornings"));
        Contact merged = contacts.create(withTagsAndNotes(
                contact("Ada King", null, "ada@example.com", "+49 30 5550201", "+49 151 55502020"),
                Set.of("VIP", "poet"),
                "Call back after 3"));
        long call = activityAbout(merged, "merge-call-1");
        long ticket = tickets.open(NewTicket.of("Broken loom", TicketPriority.NORMAL, merged.id()), bob)
                .id()
                .value();
        long lead = leadOf(merged);

        Contact result = merger.merge(kept.id(), kept.version(), merged.id(), merged.version(), sue);

        assertThat(result.name()).isEqualTo("Ada Lovelace");
        assertThat(result.email()).isEqualTo("ada@example.com");
        assertThat(result.account().name()).isEqualTo("Engines");
        assertThat(result.phones()).extracting(Phone::e164).containsExactly("+49305550201", "+4915155502020");
        assertThat(result.tags()).containsExactlyInAnyOrder("vip", "poet");
        assertThat(result.notes()).isEqualTo("Prefers mornings\n\nCall back after 3");
        assertThat(contacts.find(merged.id(), bob)).isEmpty();
        assertThat(contactOf("activities", call)).isEqualTo(kept.id().value());
        assertThat(contactOf("tickets", ticket)).isEqualTo(kept.id().value());
        assertThat(contactOf("leads", lead)).isEqualTo(kept.id().value());
        assertThat(lookup.lookup("+4915155502020", bob).contacts())
                .extracting(MatchedContact::id)
                .containsExactly(kept.id());
        assertThat(jdbc.queryForObject(
                        "select before_json from audit_log where action = 'contact.merged' and subject_id = ?",
                        String.class,
                        String.valueOf(kept.id().value())))
                .contains("Ada King", "Call back after 3");
    }

    @Test
    void aStaleMergeChangesNothing() {
        Contact kept = contacts.create(contact("Grace Hopper", null, null, "+49 30 5550301"));
        Contact merged = contacts.create(contact("Grace B. Hopper", null, null, "+49 30 5550302"));
        long call = activityAbout(merged, "merge-call-2");
        Contact edited =
                contacts.update(merged.id(), contact("Grace Brewster Hopper", null, null, "+49 30 5550302"), null, bob);

        assertThatThrownBy(() -> merger.merge(kept.id(), kept.version(), merged.id(), merged.version(), bob))
                .isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(contacts.find(merged.id(), bob))
                .hasValueSatisfying(still -> assertThat(still.name()).isEqualTo(edited.name()));
        assertThat(contacts.find(kept.id(), bob).orElseThrow().phones()).hasSize(1);
        assertThat(contactOf("activities", call)).isEqualTo(merged.id().value());
    }

    @Test
    void aMergeThatWouldDeleteWhatTheViewerMayNotDeleteIsRefusedAndNothingMoves() {
        Contact kept = contacts.create(contact("Alan Turing", null, null, "+49 30 5550401"));
        Contact annas = contacts.create(contact("Alan M. Turing", null, null, "+49 30 5550402"));
        long call = activityAbout(annas, "merge-call-3");

        assertThatThrownBy(() -> merger.merge(kept.id(), kept.version(), annas.id(), annas.version(), bob))
                .isInstanceOf(ContactAccessDeniedException.class);
        assertThat(contactOf("activities", call)).isEqualTo(annas.id().value());

        Contact result = merger.merge(kept.id(), kept.version(), annas.id(), annas.version(), sue);
        assertThat(result.phones()).hasSize(2);
        assertThat(contactOf("activities", call)).isEqualTo(kept.id().value());
    }

    private long activityAbout(Contact contact, String callId) {
        jdbc.update(
                "insert into activities (call_id, direction, outcome, caller_number, contact_id, started_at, ended_at,"
                        + " ring_seconds, wait_seconds, talk_seconds, reconciled, recorded_at, version)"
                        + " values (?, 'INBOUND', 'ANSWERED', ?, ?, now(), now(), 1, 1, 10, false, now(), 0)",
                callId,
                contact.phones().get(0).e164(),
                contact.id().value());
        return jdbc.queryForObject("select id from activities where call_id = ?", Long.class, callId);
    }

    private long leadOf(Contact contact) {
        Long campaign = jdbc.queryForObject(
                "insert into campaigns (name, status, dial_mode, weekly_hours, closed_days, max_attempts,"
                        + " retry_delay_seconds, lead_order, abandon_cap, created_at, updated_at)"
                        + " values ('Merge test', 'DRAFT', 'PREVIEW', '[]', '[]', 3, '{}', 'PRIORITY', 0.03, now(), now())"
                        + " returning id",
                Long.class);
        return jdbc.queryForObject(
                "insert into leads (campaign_id, e164, name, timezone, contact_id, status, priority, attempts,"
                        + " next_attempt_at, created_at, updated_at)"
                        + " values (?, ?, ?, 'Europe/Berlin', ?, 'NEW', 0, 0, now(), now(), now()) returning id",
                Long.class,
                campaign,
                contact.phones().get(0).e164(),
                contact.name(),
                contact.id().value());
    }

    private Long contactOf(String table, long id) {
        return jdbc.queryForObject("select contact_id from " + table + " where id = ?", Long.class, id);
    }

    private static NewContact withTagsAndNotes(NewContact contact, Set<String> tags, String notes) {
        return new NewContact(
                contact.name(),
                contact.company(),
                contact.email(),
                contact.owner(),
                contact.team(),
                contact.visibility(),
                tags,
                notes,
                contact.phones());
    }

    private NewContact contact(String name, String company, String email, String... phones) {
        return new NewContact(
                name,
                company,
                email,
                anna.id(),
                null,
                Visibility.TEAM,
                Set.of(),
                null,
                Arrays.stream(phones)
                        .map(phone -> new NewPhone(PhoneType.WORK, phone))
                        .toList());
    }
}
