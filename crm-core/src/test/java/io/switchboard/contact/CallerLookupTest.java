package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class CallerLookupTest {

    @Autowired
    CallerLookup lookup;

    @Autowired
    Contacts contacts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    Viewer agent;

    @BeforeEach
    void emptyDatabase() {
        Database.clear(jdbc);
        agent = directory
                .add(new NewUser("anna", "Anna Agent", Role.AGENT, directory.team("Support"), "1001"))
                .viewer();
    }

    @Test
    void callerInE164FindsTheContactExactly() {
        ContactId ada = contact("Ada Lovelace", "Analytical Engines Ltd", "+49 30 1234567");

        CallerMatch match = lookup.lookup("+49301234567", agent);

        assertThat(match.rank()).isEqualTo(MatchRank.EXACT);
        assertThat(match.contacts()).extracting(MatchedContact::id).containsExactly(ada);
        assertThat(match.contacts().get(0).account().name()).isEqualTo("Analytical Engines Ltd");
        assertThat(match.contacts().get(0).phone().e164()).isEqualTo("+49301234567");
        assertThat(match.reason()).isNull();
    }

    @Test
    void nationalFormatCallerIsReadInTheDefaultRegion() {
        ContactId ada = contact("Ada Lovelace", null, "+49301234567");

        CallerMatch match = lookup.lookup("0301234567", agent);

        // 030 1234567 dialled in Germany is +49 30 1234567: the same number, so an exact match.
        assertThat(match.rank()).isEqualTo(MatchRank.EXACT);
        assertThat(match.contacts()).extracting(MatchedContact::id).containsExactly(ada);
    }

    @Test
    void sameNationalNumberUnderAnotherCountryCodeMatchesNationally() {
        // Zurich 044 123 45 67 and Oldenburg 0441 234567 share the national number 441234567.
        ContactId zurich = contact("Zurich Office", null, "+41 44 123 45 67");

        CallerMatch match = lookup.lookup("+49 441 234567", agent);

        assertThat(match.rank()).isEqualTo(MatchRank.NATIONAL);
        assertThat(match.contacts()).extracting(MatchedContact::id).containsExactly(zurich);
    }

    @Test
    void unparseableStoredNumberIsFoundByItsDigits() {
        ContactId odd = contact("Odd Number", null, "0151-1234567");
        assertThat(phoneOf(odd).unparseable()).isTrue();

        CallerMatch match = lookup.lookup("01511234567", agent);

        assertThat(match.rank()).isEqualTo(MatchRank.NATIONAL);
        assertThat(match.contacts()).extracting(MatchedContact::id).containsExactly(odd);
    }

    @Test
    void callerFromBehindAnotherPrefixMatchesOnTrailingDigits() {
        ContactId ada = contact("Ada Lovelace", null, "+49 30 12345678");

        // A trunk that prepends its own prefix: only the last 8 digits agree.
        CallerMatch match = lookup.lookup("+44 20 12345678", agent);

        assertThat(match.rank()).isEqualTo(MatchRank.TRAILING_DIGITS);
        assertThat(match.contacts()).extracting(MatchedContact::id).containsExactly(ada);
    }

    @Test
    void everyContactMatchingEquallyWellIsOffered() {
        ContactId husband = contact("Max Mustermann", "Family", "+49 30 7654321");
        ContactId wife = contact("Erika Mustermann", "Family", "030 7654321");
        contact("Other Person", null, "+49 89 7654321");

        CallerMatch match = lookup.lookup("+49307654321", agent);

        assertThat(match.rank()).isEqualTo(MatchRank.EXACT);
        assertThat(match.contacts()).extracting(MatchedContact::id).containsExactlyInAnyOrder(husband, wife);
    }

    @Test
    void aBetterRankHidesWorseMatches() {
        ContactId exact = contact("Exact", null, "+49 30 12345678");
        contact("Trailing", null, "+44 20 12345678");

        CallerMatch match = lookup.lookup("+493012345678", agent);

        assertThat(match.rank()).isEqualTo(MatchRank.EXACT);
        assertThat(match.contacts()).extracting(MatchedContact::id).containsExactly(exact);
    }

    @Test
    void contactWithSeveralMatchingNumbersIsOfferedOnceAtItsBestRank() {
        ContactId both = contacts.create(new NewContact(
                        "Two Lines",
                        null,
                        null,
                        null,
                        null,
                        Visibility.COMPANY,
                        Set.of(),
                        null,
                        List.of(
                                new NewPhone(PhoneType.WORK, "+44 20 12345678"),
                                new NewPhone(PhoneType.MOBILE, "+49 30 12345678"))))
                .id();

        CallerMatch match = lookup.lookup("+493012345678", agent);

        assertThat(match.rank()).isEqualTo(MatchRank.EXACT);
        assertThat(match.contacts()).singleElement().satisfies(contact -> {
            assertThat(contact.id()).isEqualTo(both);
            assertThat(contact.phone().type()).isEqualTo(PhoneType.MOBILE);
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"anonymous", "Anonymous", "Restricted", "PRIVATE", "Withheld", "sip:anonymous@anonymous.invalid"
            })
    void withheldCallerFindsNobodyAndSaysWhy(String caller) {
        contact("Ada Lovelace", null, "+49301234567");

        CallerMatch match = lookup.lookup(caller, agent);

        assertThat(match.rank()).isEqualTo(MatchRank.NONE);
        assertThat(match.contacts()).isEmpty();
        assertThat(match.reason()).isEqualTo(NoMatchReason.WITHHELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "<unknown>", "Unavailable", "unknown"})
    void missingCallerIdFindsNobodyAndSaysWhy(String caller) {
        CallerMatch match = lookup.lookup(caller, agent);

        assertThat(match.reason()).isEqualTo(NoMatchReason.NO_CALLER_ID);
        assertThat(lookup.lookup(null, agent).reason()).isEqualTo(NoMatchReason.NO_CALLER_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1001", "201", "4567"})
    void internalExtensionNeverMatchesAContactEndingInTheSameDigits(String extension) {
        contact("Ends In 1001", null, "+49 30 1231001");
        contact("Ends In 201", null, "+49 30 1234201");
        contact("Ends In 4567", null, "+49 30 1234567");

        CallerMatch match = lookup.lookup(extension, agent);

        assertThat(match.contacts()).isEmpty();
        assertThat(match.reason()).isEqualTo(NoMatchReason.INTERNAL_EXTENSION);
    }

    @Test
    void unknownNumberFindsNobody() {
        contact("Ada Lovelace", null, "+49301234567");

        CallerMatch match = lookup.lookup("+49 89 99999999", agent);

        assertThat(match.rank()).isEqualTo(MatchRank.NONE);
        assertThat(match.reason()).isEqualTo(NoMatchReason.NOT_FOUND);
    }

    @Test
    void contactTheAgentMayNotSeeIsNotOffered() {
        Viewer otherTeam = directory
                .add(new NewUser("olga", "Olga", Role.AGENT, directory.team("Sales"), "2001"))
                .viewer();
        contacts.create(new NewContact(
                "Sales Secret",
                null,
                null,
                otherTeam.user(),
                null,
                Visibility.PRIVATE,
                Set.of(),
                null,
                List.of(new NewPhone(PhoneType.WORK, "+49301234567"))));

        assertThat(lookup.lookup("+49301234567", agent).reason()).isEqualTo(NoMatchReason.NOT_FOUND);
        assertThat(lookup.lookup("+49301234567", otherTeam).rank()).isEqualTo(MatchRank.EXACT);
    }

    private ContactId contact(String name, String company, String phone) {
        return contacts.create(new NewContact(
                        name,
                        company,
                        null,
                        null,
                        null,
                        Visibility.COMPANY,
                        Set.of(),
                        null,
                        List.of(new NewPhone(PhoneType.WORK, phone))))
                .id();
    }

    private Phone phoneOf(ContactId id) {
        return contacts.find(id, agent).orElseThrow().phones().get(0);
    }
}
