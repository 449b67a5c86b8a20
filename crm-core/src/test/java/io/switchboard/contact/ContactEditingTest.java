package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.PostgresTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresTest
class ContactEditingTest extends SupportTeamTestBase {

    @Autowired
    ContactSearch search;

    @Autowired
    CallerLookup lookup;

    Viewer sue;
    io.switchboard.directory.UserId bobsId;
    Viewer admin;

    @BeforeEach
    void theirSupervisorAndAnAdmin() {
        bobsId = bob.user();
        sue = directory
                .add(new NewUser("sue", "Sue", Role.SUPERVISOR, support, null))
                .viewer();
        admin = directory
                .add(new NewUser("root", "Root", Role.ADMIN, null, null))
                .viewer();
    }

    @Test
    void updateReplacesFieldsAndNumbersAndLookupFollows() {
        Contact ada = contacts.create(contact("Ada", "Engines", Visibility.TEAM, "+49 30 1234567"));

        Contact updated = contacts.update(
                ada.id(), contact("Ada King", "Analytical Engines", Visibility.TEAM, "+49 151 27654321"), null, bob);

        assertThat(updated.name()).isEqualTo("Ada King");
        assertThat(updated.account().name()).isEqualTo("Analytical Engines");
        assertThat(updated.phones()).extracting(Phone::e164).containsExactly("+4915127654321");
        assertThat(lookup.lookup("+49301234567", admin).isEmpty()).isTrue();
        assertThat(lookup.lookup("+4915127654321", admin).contacts())
                .extracting(MatchedContact::id)
                .containsExactly(ada.id());
    }

    @Test
    void aContactOutOfSightCannotBeUpdatedOrDeleted() {
        Contact secret = contacts.create(contact("Secret", null, Visibility.PRIVATE, "+49 30 1111111"));

        assertThatThrownBy(() -> contacts.update(secret.id(), contact("X", null, Visibility.COMPANY), null, bob))
                .isInstanceOf(ContactNotFoundException.class);
        assertThatThrownBy(() -> contacts.delete(secret.id(), bob)).isInstanceOf(ContactNotFoundException.class);
        assertThat(contacts.find(secret.id(), anna.viewer())).isPresent();
    }

    @Test
    void agentsDeleteOnlyTheirOwnContactsSupervisorsTheTeams() {
        Contact shared = contacts.create(contact("Shared", null, Visibility.TEAM));

        assertThatThrownBy(() -> contacts.delete(shared.id(), bob)).isInstanceOf(ContactAccessDeniedException.class);
        contacts.delete(shared.id(), sue);

        assertThat(contacts.find(shared.id(), admin)).isEmpty();
    }

    @Test
    void searchFindsByNamePartCompanyEmailOrNumberEndWithinWhatTheViewerMaySee() {
        contacts.create(contact("Ada Lovelace", "Analytical Engines", Visibility.COMPANY, "+49 30 1234567"));
        contacts.create(contact("Charles Babbage", "Analytical Engines", Visibility.COMPANY, "+49 30 7654321"));
        contacts.create(contact("Grace Hopper", null, Visibility.PRIVATE, "+1 202 555 0100"));

        assertThat(names("love", bob)).containsExactly("Ada Lovelace");
        assertThat(names("analytical", bob)).containsExactly("Ada Lovelace", "Charles Babbage");
        assertThat(names("4567", bob)).containsExactly("Ada Lovelace");
        assertThat(names("grace", bob)).isEmpty();
        assertThat(names("grace", anna.viewer())).containsExactly("Grace Hopper");
        assertThat(names("100%", admin)).isEmpty();
        assertThat(search.search(null, admin, 0, 2).getTotalElements()).isEqualTo(3);
        assertThat(search.search(null, admin, 1, 2).getContent())
                .extracting(Contact::name)
                .containsExactly("Grace Hopper");
    }

    @Test
    void onlyTheOwnerTheTeamsSupervisorAndAdminsChangeWhoSeesAContact() {
        Contact shared = contacts.create(contact("Shared with the company", null, Visibility.COMPANY));

        // a teammate may correct it, but not make it private (to its owner) nor take it over
        contacts.update(shared.id(), contact("Shared with the company, Ltd", null, Visibility.COMPANY), null, bob);
        assertThatThrownBy(() -> contacts.update(
                        shared.id(), contact("Shared with the company", null, Visibility.PRIVATE), null, bob))
                .isInstanceOf(ContactAccessDeniedException.class)
                .hasMessageContaining("owner or visibility");
        NewContact takenOver =
                new NewContact("Mine now", null, null, bobsId, null, Visibility.COMPANY, Set.of(), null, List.of());
        assertThatThrownBy(() -> contacts.update(shared.id(), takenOver, null, bob))
                .isInstanceOf(ContactAccessDeniedException.class);
        assertThat(contacts.find(shared.id(), bob).orElseThrow().visibility()).isEqualTo(Visibility.COMPANY);

        assertThat(contacts.update(shared.id(), contact("Shared", null, Visibility.TEAM), null, anna.viewer())
                        .visibility())
                .isEqualTo(Visibility.TEAM);
        assertThat(contacts.update(shared.id(), contact("Shared", null, Visibility.PRIVATE), null, sue)
                        .visibility())
                .isEqualTo(Visibility.PRIVATE);
        assertThat(contacts.update(shared.id(), contact("Shared", null, Visibility.COMPANY), null, admin)
                        .visibility())
                .isEqualTo(Visibility.COMPANY);
    }

    @Test
    void anEditMadeOnAnOlderVersionIsRefused() {
        Contact ada = contacts.create(contact("Ada", null, Visibility.TEAM));
        Contact renamed = contacts.update(ada.id(), contact("Ada K", null, Visibility.TEAM), ada.version(), bob);

        assertThat(renamed.version()).isGreaterThan(ada.version());
        assertThatThrownBy(() -> contacts.update(ada.id(), contact("Ada L", null, Visibility.TEAM), ada.version(), bob))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(contacts.update(ada.id(), contact("Ada L", null, Visibility.TEAM), renamed.version(), bob)
                        .name())
                .isEqualTo("Ada L");
    }

    @Test
    void aContactTakesAtMostFiftyTags() {
        Set<String> tags = new java.util.HashSet<>();
        for (int i = 0; i < 51; i++) {
            tags.add("tag-" + i);
        }
        NewContact tagged =
                new NewContact("Tagged", null, null, anna.id(), null, Visibility.TEAM, tags, null, List.of());

        assertThatThrownBy(() -> contacts.create(tagged)).hasMessageContaining("more than 50 tags");
    }

    @Test
    void searchReadsANumberAsDialledAtHomeAsLookupDoes() {
        contacts.create(contact("Dialled At Home", null, Visibility.COMPANY, "+49 30 1000002"));

        assertThat(names("030 1000002", bob)).containsExactly("Dialled At Home");
        assertThat(names("+49 30 1000002", bob)).containsExactly("Dialled At Home");
        assertThat(names("1000002", bob)).containsExactly("Dialled At Home");
    }

    private List<String> names(String text, Viewer viewer) {
        return search.search(text, viewer, 0, 50).getContent().stream()
                .map(Contact::name)
                .toList();
    }

    private NewContact contact(String name, String company, Visibility visibility, String... phones) {
        return new NewContact(
                name,
                company,
                null,
                anna.id(),
                null,
                visibility,
                Set.of(),
                null,
                java.util.Arrays.stream(phones)
                        .map(phone -> new NewPhone(PhoneType.WORK, phone))
                        .toList());
    }
}
