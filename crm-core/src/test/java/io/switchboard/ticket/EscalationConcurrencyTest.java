package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import io.switchboard.testing.RecordingNotifier;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several application nodes run the scheduler against one PostgreSQL: each due ticket must be escalated by exactly
 * one of them. Two scheduler instances (each with its own small batches, as two nodes would run them) race over the
 * same due tickets.
 */
@PostgresTest
class EscalationConcurrencyTest extends TicketTestBase {

    static final int TICKETS = 300;

    @Autowired
    RecordingNotifier notifier;

    @Autowired
    TicketStore store;

    @Autowired
    TicketChanger changer;

    @Autowired
    TicketMetrics metrics;

    @Autowired
    SlaPolicies policies;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    DirectoryUser anna;

    @BeforeEach
    void manyTicketsAboutToWarn() {
        Database.clear(jdbc);
        notifier.clear();
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, directory.team("Support"), "1001"));
        for (String name : List.of("erin", "fred", "gina")) {
            DirectoryUser member = directory.add(new NewUser(name, name, Role.AGENT, null, null));
            tiers.addMember("Tier 2", member.id());
        }
        clock.set(berlin("2026-06-08T10:00"));
        for (int i = 0; i < TICKETS; i++) {
            tickets.open(NewTicket.of("Ticket " + i, TicketPriority.NORMAL, null), anna.viewer());
        }
        // 80 % of the two-hour first response target has passed for every ticket
        clock.set(berlin("2026-06-08T11:36"));
    }

    Escalations node(int batchSize) {
        return new Escalations(
                store,
                changer,
                tiers,
                new Escalator(tiers, policies, metrics),
                new EscalationNotifications(tiers, directory, List.of(notifier), metrics),
                new TransactionTemplate(transactionManager),
                metrics,
                batchSize);
    }

    @Test
    void twoSchedulersEscalateEachTicketOnce() throws Exception {
        Escalations first = node(7);
        Escalations second = node(11);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<EscalationPass> a = CompletableFuture.supplyAsync(() -> runAfter(start, first), threads);
            CompletableFuture<EscalationPass> b = CompletableFuture.supplyAsync(() -> runAfter(start, second), threads);
            start.countDown();
            EscalationPass passA = a.get();
            EscalationPass passB = b.get();

            assertThat(passA.escalated() + passB.escalated()).isEqualTo(TICKETS);
            assertThat(passA.checked() + passB.checked()).isEqualTo(TICKETS);
            // both really ran at the same time, each taking batches the other had not locked
            assertThat(passA.checked()).isPositive();
            assertThat(passB.checked()).isPositive();
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_history where kind = 'ESCALATED_ON_WARNING'", Long.class))
                .isEqualTo(TICKETS);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_history where kind = 'ESCALATED_ON_WARNING'"
                                + " group by ticket_id order by count(*) desc limit 1",
                        Long.class))
                .isEqualTo(1);
        assertThat(notifier.notices().stream().map(EscalationNotice::ticket).collect(Collectors.toSet()))
                .hasSize(TICKETS);
        assertThat(notifier.notices()).hasSize(TICKETS);
        // least loaded across both nodes' batches: everyone got a fair share
        assertThat(jdbc.queryForList(
                        "select count(*) from tickets where tier = 'Tier 2' group by assignee_id", Long.class))
                .hasSize(3)
                .allSatisfy(count -> assertThat(count).isBetween(80L, 120L));
        assertThat(node(50).runDue().checked()).isZero();
    }

    @Test
    void aSchedulerSkipsTicketsAnotherNodeHoldsInsteadOfWaiting() throws Exception {
        List<Long> held = jdbc.queryForList("select id from tickets order by id limit 5", Long.class);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.executeQuery("select id from tickets where id in ("
                        + held.stream().map(String::valueOf).collect(Collectors.joining(",")) + ") for update");
            }
            EscalationPass whileHeld = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> node(50).runDue());

            assertThat(whileHeld.escalated()).isEqualTo(TICKETS - held.size());
            other.rollback();
        }
        EscalationPass afterwards = node(50).runDue();

        assertThat(afterwards.escalated()).isEqualTo(held.size());
        assertThat(jdbc.queryForObject("select count(*) from tickets where tier = 'Tier 2'", Long.class))
                .isEqualTo(TICKETS);
    }

    private static EscalationPass runAfter(CountDownLatch start, Escalations node) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return node.runDue();
    }
}
