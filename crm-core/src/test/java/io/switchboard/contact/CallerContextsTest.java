package io.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
    void historyAndSectionsAreReadAlongsideEachOther() {
        CountDownLatch sectionRead = new CountDownLatch(1);
        CallerContextContributor tickets = contributor("openTickets", request -> {
            sectionRead.countDown();
            return Optional.of("T-1");
        });
        // waits for the section, which is asked after it: one after the other on one thread, it would wait in vain
        RecentActivities store = (ids, limit) -> {
            boolean alongside;
            try {
                alongside = sectionRead.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                alongside = false;
            }
            return List.of(new RecentActivity(
                    ada,
                    Instant.parse("2026-01-01T10:00:00Z"),
                    "INBOUND_CALL",
                    alongside ? "alongside" : "alone",
                    "anna"));
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CallerContext context = new CallerContexts(
                            lookup,
                            contacts,
                            store,
                            List.of(tickets),
                            new SimpleMeterRegistry(),
                            5,
                            notConfigured,
                            threads)
                    .contextFor("+49301234567", agent);

            assertThat(context.sections()).containsEntry("openTickets", "T-1");
            assertThat(context.recentActivities())
                    .extracting(RecentActivity::summary)
                    .containsExactly("alongside");
            assertThat(context.contacts()).extracting(Contact::id).containsExactly(ada);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailingHistoryFailsThePopWithItsOwnException() {
        RecentActivities broken = (ids, limit) -> {
            throw new IllegalStateException("activities down");
        };
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            CallerContexts contexts = new CallerContexts(
                    lookup, contacts, broken, List.of(), new SimpleMeterRegistry(), 5, notConfigured, threads);

            assertThatThrownBy(() -> contexts.contextFor("+49301234567", agent))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("activities down");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void warmUpRunsThePopsReadsForNobody() {
        List<Collection<ContactId>> asked = new ArrayList<>();
        RecentActivities store = (ids, limit) -> {
            asked.add(ids);
            return List.of();
        };
        List<CallerContextRequest> requests = new ArrayList<>();
        CallerContextContributor tickets = contributor("openTickets", request -> {
            requests.add(request);
            return Optional.empty();
        });

        contexts(store, List.of(tickets)).warmUp(agent, 3);
        wired.warmUp(agent, 1);

        assertThat(asked).hasSize(3).allSatisfy(ids -> assertThat(ids).containsExactly(new ContactId(0)));
        assertThat(requests).hasSize(3);
        assertThat(wired.contextFor("+49301234567", agent).contacts())
                .extracting(Contact::id)
                .containsExactly(ada);
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
                lookup, contacts, activities, contributors, new SimpleMeterRegistry(), 5, notConfigured, Runnable::run);
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
