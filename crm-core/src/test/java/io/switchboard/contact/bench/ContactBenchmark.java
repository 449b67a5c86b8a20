package io.switchboard.contact.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.switchboard.contact.CallerLookup;
import io.switchboard.contact.CallerMatch;
import io.switchboard.contact.ColumnMapping;
import io.switchboard.contact.ContactImporter;
import io.switchboard.contact.ImportOptions;
import io.switchboard.contact.ImportReport;
import io.switchboard.contact.MatchRank;
import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.CrmTestApplication;
import io.switchboard.testing.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Imports N generated contacts from a generated CSV into an embedded PostgreSQL (durable: fsync on) and measures
 * caller lookups: hits (exact E.164), misses (every rank searched) and trailing-digit matches; then imports the same
 * file again (every row an update) and writes activities for a burst of ended calls ({@link ActivityWriteBenchmark}).
 *
 * <pre>./mvnw -q -pl crm-core -Pbench test-compile exec:exec [-Dbench.contacts=1000000] [-Dbench.lookups=100000]
 * [-Dbench.activities=200000]</pre>
 *
 * Targets on a 2-core machine: import at least 20,000 rows/s, lookup p99 at most 2 ms, at least 5,000
 * activities/s. CPU time per row is printed
 * too: on a shared machine it says more than the wall clock.
 */
public final class ContactBenchmark {

    private static final int FIRST_NUMBER = 20_000_000;

    private ContactBenchmark() {}

    public static void main(String[] args) throws IOException {
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int activities = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        Path csv = Files.createTempFile("contacts-", ".csv");
        try (EmbeddedPostgres postgres = SharedPostgres.start(true);
                ConfigurableApplicationContext context = application(postgres)) {
            generate(csv, contacts);
            System.out.printf(
                    Locale.ROOT, "Generated %,d contacts: %,d MB of CSV%n", contacts, Files.size(csv) / 1_000_000);
            CpuTime before = CpuTime.now();
            ImportReport report = importCsv(context.getBean(ContactImporter.class), csv);
            print("Import", report, CpuTime.now().since(before));
            // The same file again, as a nightly sync from another system would send it: every row is an update.
            CpuTime beforeAgain = CpuTime.now();
            ImportReport again = importCsv(context.getBean(ContactImporter.class), csv);
            print("Re-import", again, CpuTime.now().since(beforeAgain));

            Directory directory = context.getBean(Directory.class);
            Viewer agent = directory
                    .add(new NewUser("bench", "Bench Agent", Role.AGENT, directory.team("Bench"), "1001"))
                    .viewer();
            CallerLookup lookup = context.getBean(CallerLookup.class);
            SplittableRandom random = new SplittableRandom(42);
            // Berlin numbers in E.164, as a PBX presents them.
            measure(
                    "hit (exact)",
                    lookup,
                    agent,
                    lookups,
                    MatchRank.EXACT,
                    i -> "+4930" + (FIRST_NUMBER + storedContact(random, contacts)));
            // Munich numbers whose last eight digits no contact has: every rank is searched, nothing is found.
            measure(
                    "miss",
                    lookup,
                    agent,
                    lookups,
                    MatchRank.NONE,
                    i -> "+4989" + (FIRST_NUMBER + contacts + random.nextInt(contacts)));
            // London numbers ending in the eight digits of a Berlin contact: only the trailing digits agree.
            measure(
                    "trailing digits",
                    lookup,
                    agent,
                    lookups,
                    MatchRank.TRAILING_DIGITS,
                    i -> "+4420" + (FIRST_NUMBER + storedContact(random, contacts)));
            ActivityWriteBenchmark.run(context, activities, contacts, FIRST_NUMBER);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static ConfigurableApplicationContext application(EmbeddedPostgres postgres) {
        return new SpringApplicationBuilder(CrmTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=" + SharedPostgres.jdbcUrl(postgres),
                        "spring.datasource.username=postgres",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run();
    }

    /**
     * Contacts in the formats real files mix: national and international numbers, a few that do not parse
     * ({@link #unparseable}), a few rows without a name ({@link #rejected}), companies shared by many contacts,
     * some tags.
     */
    private static void generate(Path csv, int contacts) throws IOException {
        String[] types = {"work", "mobile", "home", ""};
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("name,company,email,phone,phone_type,tags\n");
            for (int i = 0; i < contacts; i++) {
                int subscriber = FIRST_NUMBER + i;
                String name = rejected(i) ? "" : "Contact " + i;
                String phone =
                        unparseable(i) ? "ask reception" : i % 2 == 0 ? "030 " + subscriber : "+49 30 " + subscriber;
                String tags = i % 10 == 0 ? "vip;newsletter" : "";
                out.write(name + ",Company " + (i % 5000) + ",contact" + i + "@example.org," + phone + ","
                        + types[i % types.length] + "," + tags + "\n");
            }
        }
    }

    private static boolean rejected(int i) {
        return i % 500 == 7;
    }

    private static boolean unparseable(int i) {
        return i % 100 == 3;
    }

    /** A generated contact that was imported with its Berlin number. */
    private static int storedContact(SplittableRandom random, int contacts) {
        int i;
        do {
            i = random.nextInt(contacts);
        } while (rejected(i) || unparseable(i));
        return i;
    }

    private static ImportReport importCsv(ContactImporter importer, Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return importer.importCsv(
                    reader,
                    ImportOptions.of(
                            new ColumnMapping("name", "company", "email", "phone", "phone_type", "tags", null, null)));
        }
    }

    private static void print(String label, ImportReport report, CpuTime cpu) {
        System.out.printf(
                Locale.ROOT,
                label + ": %,d rows in %.1f s = %,.0f rows/s (inserted %,d, updated %,d, rejected %,d, unparseable"
                        + " phones %,d)%n",
                report.rows(),
                report.elapsed().toMillis() / 1000.0,
                report.rowsPerSecond(),
                report.inserted(),
                report.updated(),
                report.rejected(),
                report.unparseablePhones());
        System.out.printf(
                Locale.ROOT,
                label + " CPU: JVM %.1f s (%.0f us/row), PostgreSQL %.1f s (%.0f us/row)%n",
                cpu.jvmSeconds(),
                cpu.jvmSeconds() * 1e6 / report.rows(),
                cpu.postgresSeconds(),
                cpu.postgresSeconds() * 1e6 / report.rows());
    }

    private static void measure(
            String label,
            CallerLookup lookup,
            Viewer agent,
            int lookups,
            MatchRank expected,
            IntFunction<String> callers) {
        for (int i = 0; i < Math.min(lookups, 10_000); i++) {
            lookup.lookup(callers.apply(i), agent);
        }
        Histogram micros = new Histogram(10_000_000, 3);
        int unexpected = 0;
        long started = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            String caller = callers.apply(i);
            long t0 = System.nanoTime();
            CallerMatch match = lookup.lookup(caller, agent);
            micros.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
            if (match.rank() != expected) {
                unexpected++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Lookup %-16s %,d lookups, %,.0f/s: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%s%n",
                label + ":",
                lookups,
                lookups / seconds,
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getValueAtPercentile(99.9) / 1000.0,
                micros.getMaxValue() / 1000.0,
                unexpected == 0 ? "" : String.format(Locale.ROOT, " (%,d NOT %s)", unexpected, expected));
    }
}
