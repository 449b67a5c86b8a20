package io.switchboard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.lease.Lease;
import io.switchboard.testing.CrmTestApplication;
import io.switchboard.testing.TestClock;
import io.switchboard.ticket.NewTicket;
import io.switchboard.ticket.TicketPriority;
import io.switchboard.ticket.Tickets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded H2 database's daily backup: written online, checked, kept to the newest few, watched. */
@SpringBootTest(classes = CrmTestApplication.class)
class H2BackupTest {

    static final Path ROOT = Path.of("target", "h2-backup", UUID.randomUUID().toString());
    static final Path FOLDER = ROOT.resolve("backups");

    @DynamicPropertySource
    static void h2FileAndBackupFolder(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:./" + ROOT.resolve("db/switchboard")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("switchboard.backup.folder", FOLDER::toString);
        registry.add("switchboard.backup.keep", () -> 2);
    }

    @Autowired
    Backups backups;

    @Autowired
    BackupHealthIndicator health;

    @Autowired
    SimpleMeterRegistry meters;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    Directory directory;

    @Autowired
    Tickets tickets;

    @BeforeEach
    void emptyFolderAndNow() throws Exception {
        clock.set(Instant.parse("2026-12-07T02:30:00Z"));
        for (BackupFile file : backups.list()) {
            Files.delete(FOLDER.resolve(file.name()));
        }
        jdbc.update("delete from dialer_lease");
    }

    @Test
    void aBackupIsCheckedByOpeningItAndCountingItsRows() {
        DirectoryUser agent = directory
                .findByUsername("backup-agent")
                .orElseGet(() -> directory.add(new NewUser("backup-agent", null, Role.AGENT, null, "1301")));
        tickets.open(NewTicket.of("In the backup", TicketPriority.NORMAL, null), agent.viewer());
        long contacts = count("contacts");
        long ticketRows = count("tickets");

        BackupFile backup = backups.takeNow();

        assertThat(backup.name()).isEqualTo("switchboard-20261207-023000-000.zip");
        assertThat(FOLDER.resolve(backup.name())).exists();
        assertThat(backup.contents().tickets()).isEqualTo(ticketRows).isPositive();
        assertThat(backup.contents().contacts()).isEqualTo(contacts);
        assertThat(backup.contents().tables()).isGreaterThan(20);
        assertThat(backups.list()).extracting(BackupFile::name).containsExactly(backup.name());
        // nothing half-written is left beside it
        assertThat(FOLDER.toFile().list()).containsExactly(backup.name());
    }

    @Test
    void onlyTheNewestBackupsAreKept() {
        BackupFile first = backups.takeNow();
        clock.advance(Duration.ofDays(1));
        BackupFile second = backups.takeNow();
        clock.advance(Duration.ofDays(1));
        BackupFile third = backups.takeNow();

        assertThat(backups.list()).extracting(BackupFile::name).containsExactly(third.name(), second.name());
        assertThat(FOLDER.resolve(first.name())).doesNotExist();
    }

    @Test
    void theAgeOfTheLastGoodBackupIsMeasuredAndWarnedAboutPast26Hours() {
        BackupFile backup = backups.takeNow();
        clock.advance(Duration.ofHours(25));

        assertThat(meters.get("switchboard.backup.age").gauge().value()).isEqualTo(25 * 3600);
        assertThat(meters.get("switchboard.backup.size").gauge().value()).isEqualTo(backup.size());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        clock.advance(Duration.ofHours(2));

        assertThat(health.health().getStatus()).isEqualTo(BackupHealthIndicator.WARNING);
        assertThat(health.health().getDetails()).containsEntry("lastBackup", backup.name());
    }

    @Test
    void aFailedBackupIsCountedAndLeavesTheGoodOnesAlone() throws Exception {
        BackupFile good = backups.takeNow();
        double failures = meters.get("switchboard.backup.failures").counter().count();
        clock.advance(Duration.ofHours(1));
        // the database cannot write where a file stands in the way of the temporary backup
        Files.createDirectories(FOLDER.resolve("switchboard-20261207-033000-000.zip.partial"));
        try {
            assertThatThrownBy(backups::takeNow).isInstanceOf(BackupFailedException.class);
        } finally {
            Files.deleteIfExists(FOLDER.resolve("switchboard-20261207-033000-000.zip.partial"));
        }

        assertThat(meters.get("switchboard.backup.failures").counter().count()).isEqualTo(failures + 1);
        assertThat(backups.list()).extracting(BackupFile::name).containsExactly(good.name());
        assertThat(backups.lastGood()).map(BackupFile::name).hasValue(good.name());
    }

    @Test
    void onlyTheNodeHoldingTheBackupLeaseTakesTheDailyBackup() {
        BackupSchedule first = new BackupSchedule(backups, new Lease(named, clock, Lease.BACKUP), "node-a", clock);
        BackupSchedule second = new BackupSchedule(backups, new Lease(named, clock, Lease.BACKUP), "node-b", clock);

        assertThat(first.runIfHolder()).isTrue();
        clock.advance(Duration.ofMinutes(2)); // the other node's clock is a little behind
        assertThat(second.runIfHolder()).isFalse();
        assertThat(backups.list()).hasSize(1);

        clock.advance(Duration.ofDays(1)); // the next day, whoever asks first takes it
        assertThat(second.runIfHolder()).isTrue();
        assertThat(backups.list()).hasSize(2);
    }

    @Test
    void theDailyBackupIsDueAtTheConfiguredTimeOfDay() {
        BackupSchedule schedule = new BackupSchedule(backups, new Lease(named, clock, Lease.BACKUP), "node-a", clock);

        assertThat(schedule.nextRun(Instant.parse("2026-12-07T01:00:00Z"))).isEqualTo("2026-12-07T02:30:00Z");
        assertThat(schedule.nextRun(Instant.parse("2026-12-07T02:30:00Z"))).isEqualTo("2026-12-08T02:30:00Z");
        assertThat(schedule.nextRun(Instant.parse("2026-12-07T23:00:00Z"))).isEqualTo("2026-12-08T02:30:00Z");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
