package io.switchboard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.SwitchboardApplication;
import io.switchboard.activity.ActivityRecorder;
import io.switchboard.directory.Directory;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.gateway.call.Party;
import io.switchboard.testing.Api;
import io.switchboard.ticket.NewTicket;
import io.switchboard.ticket.TicketPriority;
import io.switchboard.ticket.Tickets;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded database's backup restores: the application takes a backup through the admin API, stops, the backup
 * is unzipped into a new data folder as the README's restore command does, and a fresh start of the application on
 * it finds every contact, activity and ticket there was.
 */
class BackupRestoreTest {

    static final Path ROOT =
            Path.of("target", "backup-restore", UUID.randomUUID().toString());
    static final String ADMIN_PASSWORD = "a-restored-admin-password";

    @Test
    void aFreshStartOnARestoredBackupFindsEveryContactActivityAndTicket() throws Exception {
        Path backups = ROOT.resolve("backups");
        Map<String, List<Long>> before;
        String backupName;
        try (ConfigurableApplicationContext original = start(ROOT.resolve("data"), backups)) {
            somethingOfEverything(original);
            before = rows(original);
            HttpResponse<String> taken = api(original).call("POST", "/api/v1/backups", "admin", ADMIN_PASSWORD, null);
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
            backupName = Api.json(taken).path("name").asText();
            assertThat(Api.json(taken).path("contents").path("tickets").asLong())
                    .isEqualTo(before.get("tickets").size());
        }
        assertThat(before.get("contacts")).hasSizeGreaterThan(100); // the demo's
        assertThat(before.get("activities")).hasSize(3);
        assertThat(before.get("tickets")).hasSizeGreaterThanOrEqualTo(2); // the demo's and these two

        Path restored = ROOT.resolve("restored");
        unzip(backups.resolve(backupName), restored); // unzip -o <backup> -d <data folder>

        try (ConfigurableApplicationContext fresh = start(restored, ROOT.resolve("restored-backups"))) {
            assertThat(rows(fresh)).isEqualTo(before);
            HttpResponse<String> contacts =
                    api(fresh).call("GET", "/api/v1/contacts?q=lovelace", "admin", ADMIN_PASSWORD, null);
            assertThat(contacts.statusCode()).isEqualTo(200);
            assertThat(contacts.body()).contains("Ada Lovelace");
            assertThat(api(fresh)
                            .call("GET", "/api/v1/tickets", "admin", ADMIN_PASSWORD, null)
                            .body())
                    .contains("Restored ticket one")
                    .contains("Restored ticket two");
        }
    }

    /** The application as the demo runs it, on an H2 file in {@code data}, with no PBX. */
    private static ConfigurableApplicationContext start(Path data, Path backups) {
        return new SpringApplicationBuilder(SwitchboardApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:file:./" + data.resolve("switchboard")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--server.port=0",
                        "--switchboard.edge.port=0",
                        "--switchboard.simulator.enabled=false",
                        "--switchboard.ami.enabled=false",
                        "--switchboard.demo.password=" + ADMIN_PASSWORD,
                        "--switchboard.backup.folder=" + backups);
    }

    /** Tickets and calls beside the demo's contacts. */
    private static void somethingOfEverything(ConfigurableApplicationContext app) {
        Directory directory = app.getBean(Directory.class);
        Tickets tickets = app.getBean(Tickets.class);
        var agent = directory.findByUsername("agent1").orElseThrow().viewer();
        tickets.open(NewTicket.of("Restored ticket one", TicketPriority.HIGH, null), agent);
        tickets.open(NewTicket.of("Restored ticket two", TicketPriority.LOW, null), agent);
        ActivityRecorder recorder = app.getBean(ActivityRecorder.class);
        Instant started = Instant.now().minusSeconds(600);
        for (int call = 1; call <= 3; call++) {
            recorder.record(new CallEnded(
                    "restore." + call,
                    started.plusSeconds(60),
                    CallDirection.INBOUND,
                    Party.of("+4930100000" + call, null),
                    "500",
                    "support",
                    "2000",
                    "2000",
                    "2000",
                    started,
                    started.plusSeconds(5),
                    5,
                    5,
                    55,
                    16,
                    "Normal Clearing",
                    CallOutcome.ANSWERED,
                    false,
                    List.of()));
        }
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> recorder.pending() == 0
                        && jdbc.queryForObject("select count(*) from activities", Long.class) == 3);
    }

    private static Map<String, List<Long>> rows(ConfigurableApplicationContext app) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        return Map.of(
                "contacts", ids(jdbc, "contacts"),
                "activities", ids(jdbc, "activities"),
                "tickets", ids(jdbc, "tickets"),
                "phone_numbers", ids(jdbc, "phone_numbers"));
    }

    private static List<Long> ids(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("select id from " + table + " order by id", Long.class);
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    /** What {@code unzip -o backup.zip -d folder} does. */
    private static void unzip(Path zip, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Files.copy(entries, folder.resolve(entry.getName()));
            }
        }
    }
}
