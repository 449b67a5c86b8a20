package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.PostgresTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Contacts#findAll} (one SQL query, what every pop and search page reads) returns exactly what loading each
 * contact on its own ({@link Contacts#find}, through the entities) does.
 */
@PostgresTest
class ContactsFindAllTest extends SupportTeamTestBase {

    Contact ada;
    Contact bare;
    Contact secret;

    @BeforeEach
    void threeContacts() {
        ada = contacts.create(new NewContact(
                "Ada Lovelace",
                "Analytical Engines",
                "ada@example.org",
                anna.id(),
                support,
                Visibility.TEAM,
                Set.of("vip", "engines", "mornings"),
                "prefers mornings",
                List.of(
                        new NewPhone(PhoneType.WORK, "+49 30 1234567"),
                        new NewPhone(PhoneType.MOBILE, "+49 151 27654321"),
                        new NewPhone(PhoneType.OTHER, "call reception"))));
        bare = contacts.create(
                new NewContact("Bare", null, null, null, null, Visibility.COMPANY, Set.of(), null, List.of()));
        secret = contacts.create(new NewContact(
                "Secret",
                null,
                null,
                anna.id(),
                support,
                Visibility.PRIVATE,
                Set.of("private"),
                null,
                List.of(new NewPhone(PhoneType.HOME, "+49 40 7654321"))));
    }

    @Test
    void everyFieldNumberAndTagAsTheEntitiesHaveThem() {
        List<Contact> found = contacts.findAll(List.of(ada.id(), bare.id(), secret.id()), anna.viewer());

        assertThat(found)
                .containsExactly(
                        contacts.find(ada.id(), anna.viewer()).orElseThrow(),
                        contacts.find(bare.id(), anna.viewer()).orElseThrow(),
                        contacts.find(secret.id(), anna.viewer()).orElseThrow());
        assertThat(found.get(0).phones())
                .extracting(Phone::type)
                .containsExactly(PhoneType.WORK, PhoneType.MOBILE, PhoneType.OTHER);
        assertThat(found.get(0).tags()).containsExactlyInAnyOrder("vip", "engines", "mornings");
        assertThat(found.get(0).account().name()).isEqualTo("Analytical Engines");
        assertThat(found.get(1).account()).isNull();
        assertThat(found.get(1).phones()).isEmpty();
        assertThat(found.get(1).tags()).isEmpty();
    }

    @Test
    void inTheOrderAskedForWithoutWhatTheViewerMayNotSeeOrWhatDoesNotExist() {
        ContactId missing = new ContactId(Long.MAX_VALUE);

        List<Contact> found = contacts.findAll(List.of(bare.id(), secret.id(), missing, ada.id()), bob);

        assertThat(found).extracting(Contact::name).containsExactly("Bare", "Ada Lovelace");
        assertThat(found.get(1).tags()).containsExactlyInAnyOrder("vip", "engines", "mornings");
        assertThat(contacts.findAll(List.of(), bob)).isEmpty();
    }
}
