package io.switchboard.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.switchboard.SwitchboardApplication;
import io.switchboard.contact.ColumnMapping;
import io.switchboard.contact.ContactImporter;
import io.switchboard.contact.ImportOptions;
import io.switchboard.contact.ImportReport;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.testing.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The contacts page's search at 1,000,000 contacts on PostgreSQL, measured as the page asks it: an HTTP {@code GET
 * /api/v1/contacts?q=...&size=25} to the running application, answer read whole (JSON of 25 contacts with their
 * numbers and tags, and the capped count). Each kind of text a person types is measured on its own: part of a
 * surname, a whole name, part of a company, a number's last digits, a whole number typed as dialled at home, part of
 * an e-mail address, a tag, and what is typed on the way (three letters), as an agent who sees every contact.
 *
 * <pre>./mvnw -q -pl agent-api -am -Pbench-contacts test-compile [-Dbench.contacts=1000000] [-Dbench.searches=2000]</pre>
 *
 * Target: p99 at most 50 ms for each kind, on a 2-core machine. The API call carries the session of a login through
 * the form, as the page's does; {@code -Dbench.auth=basic} sends HTTP Basic instead (a BCrypt hash of cost 4 checked
 * and the user read again with every search, as for an API client).
 */
public final class ContactSearchBenchmark {

    private static final String[] FIRST = {
        "Ada",
        "Alan",
        "Grace",
        "Edsger",
        "Barbara",
        "Donald",
        "Margaret",
        "Dennis",
        "Ken",
        "Frances",
        "John",
        "Anna",
        "Hannah",
        "Joanne",
        "Johann",
        "Maria",
        "Marie",
        "Mario",
        "Peter",
        "Petra",
        "Klaus",
        "Claudia",
        "Jürgen",
        "Zoë",
        "Søren",
        "Ingrid",
        "Lars",
        "Olga",
        "Ivan",
        "Fatima",
        "Mohammed",
        "Aisha",
        "Wei",
        "Mei",
        "Hiroshi",
        "Yuki",
        "Carlos",
        "Lucía",
        "José",
        "Ana",
        "Tom",
        "Lisa",
        "Max",
        "Sophie",
        "Paul",
        "Emma",
        "Lukas",
        "Mia",
        "Leon",
        "Lea"
    };
    private static final String[] LAST_PARTS = {
        "Love", "lace", "Tur", "ing", "Hop", "per", "Dijk", "stra", "Lis", "kov", "Knuth", "Ham", "ilton", "Rit",
        "chie", "Thomp", "son", "Müll", "er", "Schmidt", "Schnei", "der", "Fisch", "Web", "Mey", "Wag", "ner", "Beck",
        "Schulz", "Hoff", "mann", "Koch", "Rich", "ter", "Klein", "Wolf", "Neu", "Schwarz", "Zimmer", "Braun", "Krüg",
        "Hart", "Lange", "Werner", "Krause", "Leh", "Köh", "Berg", "Stein", "Brandt"
    };
    private static final String[] COMPANY_WORDS = {
        "Analytical",
        "Engines",
        "Systems",
        "Logistics",
        "Bakery",
        "Consulting",
        "Digital",
        "Solar",
        "Medical",
        "Robotics",
        "Foods",
        "Textiles",
        "Energy",
        "Finance",
        "Media",
        "Travel",
        "Print",
        "Garden",
        "Motors",
        "Labs"
    };
    private static final String[] TAGS = {"vip", "newsletter", "reseller", "prospect", "churn-risk", "partner"};
    private static final int FIRST_NUMBER = 20_000_000;

    private ContactSearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
        int contacts = Integer.getInteger("bench.contacts", 1_000_000);
        int searches = Integer.getInteger("bench.searches", 2_000);
        String dataDirectory = System.getProperty("bench.data-dir", "");
        try (EmbeddedPostgres postgres = postgres(dataDirectory);
                ConfigurableApplicationContext application = application(postgres)) {
            try (var connection =
                    application.getBean(javax.sql.DataSource.class).getConnection()) {
                String database = connection.getMetaData().getDatabaseProductName();
                if (!"PostgreSQL".equals(database)) {
                    throw new IllegalStateException("the benchmark must run on PostgreSQL, not " + database);
                }
            }
            long stored = storedContacts(postgres);
            if (stored == 0) {
                importContacts(application, postgres, contacts);
            } else if (stored != contacts) {
                throw new IllegalStateException("the database in " + dataDirectory + " holds " + stored
                        + " contacts, not " + contacts + ": use another bench.data-dir");
            } else {
                System.out.printf(Locale.ROOT, "Reusing the %,d contacts in %s%n", stored, dataDirectory);
            }
            Directory directory = application.getBean(Directory.class);
            DirectoryUser agent = directory
                    .findByUsername("bench")
                    .orElseGet(() -> directory.add(
                            new NewUser("bench", "Bench Agent", Role.AGENT, directory.team("Bench"), "1001")));
            directory.setPasswordHash(agent.id(), "{bcrypt}" + new BCryptPasswordEncoder(4).encode("bench-password"));
            int port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
            if (searches > 0) {
                measureAll(port, contacts, searches, postgres.getPort());
            }
        }
    }

    /**
     * A throw-away server, or with {@code bench.data-dir} one whose data stays in that folder, so that the million
     * contacts are imported once and the searches (and {@code explain}) run against them again and again.
     */
    private static EmbeddedPostgres postgres(String dataDirectory) throws IOException {
        if (dataDirectory.isBlank()) {
            return SharedPostgres.start(true);
        }
        return EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(dataDirectory))
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .start();
    }

    private static long storedContacts(EmbeddedPostgres postgres) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from contacts")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void importContacts(
            ConfigurableApplicationContext application, EmbeddedPostgres postgres, int contacts) throws Exception {
        Path csv = Files.createTempFile("contact-search-", ".csv");
        try {
            generate(csv, contacts);
            ImportReport report;
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                report = application
                        .getBean(ContactImporter.class)
                        .importCsv(reader, new ImportOptions(ColumnMapping.standard(), Visibility.COMPANY, null, ','));
            }
            System.out.printf(
                    Locale.ROOT,
                    "Imported %,d contacts in %.0f s; analysing%n",
                    report.inserted(),
                    report.elapsed().toMillis() / 1000.0);
        } finally {
            Files.deleteIfExists(csv);
        }
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        }
    }

    private static void measureAll(int port, int contacts, int searches, int postgresPort) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        Map<String, IntFunction<String>> kinds = new LinkedHashMap<>();
        kinds.put("surname part", i -> surnamePart(random));
        kinds.put("whole name", i -> name(random.nextInt(contacts)));
        // the second word of a company and its number, as in "Engines 42" of "Analytical Engines 42"
        kinds.put("company part", i -> COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)] + " " + random.nextInt(500));
        kinds.put(
                "number's end",
                i -> String.valueOf(FIRST_NUMBER + random.nextInt(contacts)).substring(2));
        kinds.put("number at home", i -> "030 " + (FIRST_NUMBER + random.nextInt(contacts)));
        kinds.put("e-mail part", i -> email(random.nextInt(contacts)).substring(0, 12));
        kinds.put("tag", i -> TAGS[random.nextInt(TAGS.length)]);
        kinds.put("three letters", i -> surnamePart(random).substring(0, 3));
        // as the contacts page asks: with the session of a login through the form (its cookie sent back), unless
        // bench.auth=basic, which sends HTTP Basic with each search as an API client does (each search then also
        // checks the password's BCrypt hash and reads the user)
        boolean basic = "basic".equals(System.getProperty("bench.auth", "session"));
        HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String auth = basic
                ? "Basic " + Base64.getEncoder().encodeToString("bench:bench-password".getBytes(StandardCharsets.UTF_8))
                : null;
        if (!basic) {
            logIn(http, port);
        }
        System.out.printf(
                Locale.ROOT, "Searching as the page does, logged in with %s%n", basic ? "HTTP Basic" : "a session");
        Map<String, List<String>> textsByKind = new LinkedHashMap<>();
        for (Map.Entry<String, IntFunction<String>> kind : kinds.entrySet()) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < searches; i++) {
                texts.add(kind.getValue().apply(i));
            }
            textsByKind.put(kind.getKey(), texts);
        }
        // every kind is warmed up before any is measured: warming up one kind at a time left the first one measured
        // paying for most of the JIT compiler's work (its CPU counts as the application's)
        for (List<String> texts : textsByKind.values()) {
            for (int i = 0; i < Math.min(200, searches); i++) {
                search(http, auth, port, texts.get(i));
            }
        }
        for (Map.Entry<String, List<String>> kind : textsByKind.entrySet()) {
            List<String> texts = kind.getValue();
            Histogram micros = new Histogram(60_000_000, 3);
            long found = 0;
            double serverCpu = cpuSeconds(ProcessHandle.current());
            double postgresCpu = postgresCpuSeconds(postgresPort);
            for (String text : texts) {
                long t0 = System.nanoTime();
                String body = search(http, auth, port, text);
                micros.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                found += body.contains("\"items\":[]") ? 0 : 1;
            }
            System.out.printf(
                    Locale.ROOT,
                    "Search %-16s %,d searches (%d%% found something): p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                            + " CPU per search: application and client %.1f ms, PostgreSQL %.1f ms; load %s%n",
                    kind.getKey() + ":",
                    searches,
                    found * 100 / searches,
                    micros.getValueAtPercentile(50) / 1000.0,
                    micros.getValueAtPercentile(99) / 1000.0,
                    micros.getMaxValue() / 1000.0,
                    (cpuSeconds(ProcessHandle.current()) - serverCpu) * 1000 / searches,
                    (postgresCpuSeconds(postgresPort) - postgresCpu) * 1000 / searches,
                    Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    /**
     * CPU seconds PostgreSQL used so far: the postmaster started on {@code port} and its backends. On a shared machine
     * the latencies say how busy it was as much as how fast the search is; this says what the searches cost.
     */
    private static double postgresCpuSeconds(int port) {
        String portArgument = Integer.toString(port);
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"))
                .filter(process -> List.of(process.info().arguments().orElse(new String[0]))
                        .contains(portArgument))
                .flatMap(postmaster -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(postmaster), postmaster.descendants()))
                .mapToDouble(ContactSearchBenchmark::cpuSeconds)
                .sum();
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info()
                        .totalCpuDuration()
                        .map(java.time.Duration::toNanos)
                        .orElse(0L)
                / 1e9;
    }

    /** Logs in through the form, as a browser does: the login page's CSRF token, then the form's POST. */
    private static void logIn(HttpClient http, int port) throws Exception {
        String page = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("the login page has no CSRF token: " + page);
        }
        String form = "username=bench&password=bench-password&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("the login failed: " + response.statusCode() + " " + location);
        }
    }

    private static String search(HttpClient http, String auth, int port, String text) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/contacts?size=25&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (auth != null) {
            request.header("Authorization", auth);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static ConfigurableApplicationContext application(EmbeddedPostgres postgres) throws IOException {
        int amiPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            amiPort = socket.getLocalPort();
        }
        // command-line arguments, as the jar is started: they outrank application.yml (whose datasource is the H2 demo)
        return new SpringApplicationBuilder(SwitchboardApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--spring.datasource.url=" + SharedPostgres.jdbcUrl(postgres),
                        "--spring.datasource.username=postgres",
                        "--switchboard.demo.seed=false",
                        "--switchboard.simulator.enabled=false",
                        "--switchboard.ami.enabled=false",
                        "--switchboard.ami.port=" + amiPort,
                        "--switchboard.dialer.enabled=false",
                        "--switchboard.edge.port=0",
                        // a data set imported by an older build lacks migrations numbered below its newest: apply
                        // them, so that bench.data-dir stays reusable as main moves on
                        "--spring.flyway.out-of-order=true");
    }

    private static String surnamePart(SplittableRandom random) {
        String surname = LAST_PARTS[random.nextInt(LAST_PARTS.length)] + LAST_PARTS[random.nextInt(LAST_PARTS.length)];
        int from = random.nextInt(Math.max(1, surname.length() - 5));
        return surname.substring(from, Math.min(surname.length(), from + 3 + random.nextInt(3)))
                .toLowerCase(Locale.ROOT);
    }

    private static String name(int i) {
        SplittableRandom random = new SplittableRandom(i);
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST_PARTS[random.nextInt(LAST_PARTS.length)]
                + LAST_PARTS[random.nextInt(LAST_PARTS.length)].toLowerCase(Locale.ROOT);
    }

    private static String email(int i) {
        return name(i).toLowerCase(Locale.ROOT).replace(' ', '.').replaceAll("[^a-z.]", "") + i + "@example.org";
    }

    /** Generated people: names from common parts, 10,000 companies, Berlin numbers, some tags. */
    private static void generate(Path csv, int contacts) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("name,company,email,phone,phone_type,tags,owner,notes\n");
            for (int i = 0; i < contacts; i++) {
                String company =
                        COMPANY_WORDS[i % COMPANY_WORDS.length] + " " + COMPANY_WORDS[(i / 20) % 20] + " " + (i % 500);
                String tags = i % 10 == 0 ? TAGS[(i / 10) % TAGS.length] : "";
                out.write(name(i) + "," + company + "," + email(i) + ",+49 30 " + (FIRST_NUMBER + i) + ",WORK," + tags
                        + ",,\n");
            }
        }
    }
}
