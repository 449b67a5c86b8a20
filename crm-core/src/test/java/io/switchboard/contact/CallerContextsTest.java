package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.contact.external.ExternalCrm;
import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class CallerContextsTest {

    @Autowired
    CallerContexts wired;

    @Autowired
    CallerLookup lookup;

    @Autowired
    Contacts contacts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    Viewer agent;
    ContactId ada;
    ExternalCallers notConfigured =
            new ExternalCallers(ExternalCrm.NOT_CONFIGURED, new PhoneNormalizer("DE"), ContactProperties.defaults());

    @BeforeEach
    void oneKnownCaller() {
        Database.clear(jdbc);
        agent = directory
                .add(new NewUser("anna", "Anna", Role.AGENT, directory.team("Support"), "1001"))
                .viewer();
        ada = contacts.create(new NewContact(
                        "Ada Lovelace",
                        "Analytical Engines",
                        "ada@example.org",
                        null,
                        null,
                        Visibility.COMPANY,
                        Set.of("vip"),
                        "prefers mornings",
                        List.of(new NewPhone(PhoneType.WORK, "+49 30 1234567"))))
                .id();
    }

    @Test
    void popCarriesTheMatchedContactWithItsAccount() {
        CallerContext context = wired.contextFor("0301234567", agent);

        assertThat(context.match().rank()).isEqualTo(MatchRank.EXACT);
        assertThat(context.contacts()).singleElement().satisfies(contact -> {
            assertThat(contact.id()).isEqualTo(ada);
            assertThat(contact.account().name()).isEqualTo("Analytical Engines");
            assertThat(contact.notes()).isEqualTo("prefers mornings");
            assertThat(contact.tags()).containsExactly("vip");
        });
    }

    @Test
    void withoutAnExternalCrmThePopSaysItIsNotConfigured() {
        assertThat(wired.contextFor("+49301234567", agent).external()).isEqualTo(ExternalRecords.NOT_CONFIGURED);
    }

    @Test
    void withoutAnActivityStoreThePopShowsNoHistory() {
        assertThat(wired.contextFor("+49301234567", agent).recentActivities()).isEmpty();
    }

    @Test
    void popShowsTheLatestFiveActivities() {
        List<RecentActivity> history = new ArrayList<>();
        for (int i = 7; i >= 0; i--) {
            history.add(new RecentActivity(
                    ada, Instant.parse("2026-01-0" + (i + 1) + "T10:00:00Z"), "INBOUND_CALL", "call " + i, "anna"));
        }
        List<Collection<ContactId>> asked = new ArrayList<>();
        RecentActivities store = (ids, limit) -> {
            asked.add(ids);
            return history.subList(0, limit);
        };

        CallerContext context = contexts(store, List.of()).contextFor("+49301234567", agent);

        assertThat(asked).containsExactly(List.of(ada));
        assertThat(context.recentActivities())
                .hasSize(5)
                .first()
                .extracting(RecentActivity::summary)
                .isEqualTo("call 7");
    }

    @Test
    void contributorsAddTheirSectionsAndAFailingOneIsLeftOut() {
        CallerContextContributor tickets =
                contributor("openTickets", request -> Optional.of(List.of("T-1 for " + request.contacts())));
        CallerContextContributor broken = contributor("broken", request -> {
            throw new IllegalStateException("ticket store down");
        });
        CallerContextContributor silent = contributor("nothing", request -> Optional.empty());

        CallerContext context = contexts(RecentActivities.NONE, List.of(broken, tickets, silent))
                .contextFor("+49301234567", agent);

        assertThat(context.sections()).containsOnlyKeys("openTickets");
        assertThat(context.sections().get("openTickets")).isEqualTo(List.of("T-1 for " + List.of(ada)));
    }

    @Test
    void unknownCallerGetsAnEmptyPopWithTheReason() {
        CallerContextContributor tickets = contributor("openTickets", request -> Optional.of("should not be asked"));

        CallerContext context =
                contexts(RecentActivities.NONE, List.of(tickets)).contextFor("anonymous", agent);

        assertThat(context.match().reason()).isEqualTo(NoMatchReason.WITHHELD);
        assertThat(context.contacts()).isEmpty();
        assertThat(context.sections()).isEmpty();
    }

    private CallerContexts contexts(RecentActivities activities, List<CallerContextContributor> contributors) {
        return new CallerContexts(
                lookup, contacts, activities, contributors, new SimpleMeterRegistry(), 5, notConfigured);
    }

    private static CallerContextContributor contributor(
            String name, Function<CallerContextRequest, Optional<Object>> data) {
        return new CallerContextContributor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Object> contribute(CallerContextRequest request) {
                return data.apply(request);
            }
        };
    }
}
