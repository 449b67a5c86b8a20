package io.switchboard.knowledge;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.switchboard.directory.Directory;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.CrmTestApplication;
import io.switchboard.testing.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Knowledge base search at scale, in an embedded PostgreSQL with its default settings: N published articles (title
 * of 4 to 8 words, body of 80 to 240, three tags; words drawn with a skew from a vocabulary of 300 support words and
 * 20,000 rarer ones, so some words are in most articles and most in few) are indexed in English, {@code vacuum
 * analyze}d, then each kind of query is asked as the knowledge base page asks it ({@link KnowledgeBase#find}: a page
 * of 20 ranked results with the total counted up to 501, the rows loaded, their snippets rendered from Markdown),
 * first uncounted to warm up, then R times each, and the latency percentiles are printed. Suggestions (any word of a
 * ticket's subject, plus queue and tags) are measured the same way.
 *
 * <pre>./mvnw -q -pl crm-core -am -Pbench-kb test-compile exec:exec [-Dbench.articles=50000] [-Dbench.rounds=500]
 *     [-Dbench.data-dir=/tmp/bench-data/kbsearch] [-Dbench.explain=true]</pre>
 *
 * With {@code bench.data-dir} the database stays in that folder: the first run seeds and indexes, later runs reuse
 * the articles. {@code bench.explain} prints {@code explain (analyze, buffers)} of each kind's search statement.
 *
 * Target: p99 at most 50 ms at 50,000 articles.
 */
public final class KnowledgeSearchBenchmark {

    private static final String[] COMMON = ("account address alarm android answer app backup balance bank battery"
                    + " bill billing bluetooth box broadband browser cable call camera cancel card charge check"
                    + " cloud code connect connection contract cost credit customer data date delay delivery device"
                    + " discount download driver email error fax fee fibre file firmware form fraud guarantee hardware"
                    + " headset help home hotspot install internet invoice iphone key laptop license light line link"
                    + " lock login mail manual message mobile modem monitor network number offer office order outage"
                    + " package parcel password payment phone pin plan port portal power price printer privacy"
                    + " problem profile range receipt refund register reminder renewal repair reset return roaming"
                    + " router scanner screen security server service settings setup signal sim slow software speaker"
                    + " speed store subscription support switch tablet tariff tax ticket token tracking transfer tv"
                    + " update upgrade upload usage user voicemail voucher warranty website wifi window wireless"
                    + " activation adapter antenna archive audio authentication barcode bandwidth bios blocked"
                    + " bookmark broken calendar capacity certificate channel charger chat client colour configure"
                    + " contacts cookie coverage crash dashboard deactivate default desktop dial directory disk"
                    + " display dns domain duplicate encryption ethernet export extension factory fault filter"
                    + " folder forward frozen gateway greeting hd hub import inbox ink jam keyboard keypad label"
                    + " landline latency led limit loss memory microphone migration mouse mute noise notification"
                    + " offline online outlet pairing paper partition patch ping pixel plug pop provider proxy"
                    + " qr quota reboot recording remote replace ringtone sd search sensor serial shutdown sleep"
                    + " socket spam storage stream sync system tablet timeout toner touch trial unlock usb vpn"
                    + " wallet warning watch webcam wiring zoom")
            .split(" ");

    private static final int RARE = 20_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static PostgresCpu postgresCpu;
    private static final int PAGE = 20;

    private KnowledgeSearchBenchmark() {}

    public static void main(String[] args) throws IOException {
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        System.out.printf(Locale.ROOT, "Load average before: %s%n", loadAverage());
        String dataDirectory = System.getProperty("bench.data-dir", "");
        try (EmbeddedPostgres postgres = postgres(dataDirectory);
                ConfigurableApplicationContext context = application(postgres)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            KnowledgeBase knowledgeBase = context.getBean(KnowledgeBase.class);
            Suggestions suggestions = context.getBean(Suggestions.class);
            Directory directory = context.getBean(Directory.class);
            Viewer agent = directory
                    .findByUsername("bench-agent")
                    .orElseGet(() -> directory.add(new NewUser("bench-agent", "Agent", Role.AGENT, null, null)))
                    .viewer();
            Integer stored = jdbc.queryForObject("select count(*) from kb_articles", Integer.class);
            if (stored != null && stored == articles) {
                System.out.printf(Locale.ROOT, "Reusing the %,d articles in %s%n", articles, dataDirectory);
            } else if (stored != null && stored > 0) {
                throw new IllegalStateException("the database in " + dataDirectory + " holds " + stored
                        + " articles, not " + articles + ": use another bench.data-dir");
            } else {
                long started = System.nanoTime();
                seed(jdbc, articles, agent);
                double seeded = (System.nanoTime() - started) / 1e9;
                started = System.nanoTime();
                knowledgeBase.search().reindex();
                double indexed = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "Seeded %,d articles in %.1f s, indexed them for text search in %.1f s%n",
                        articles,
                        seeded,
                        indexed);
            }
            // what a live system's autovacuum does; the index changes of a new version need fresh statistics too
            jdbc.execute("vacuum analyze");
            System.out.printf(
                    Locale.ROOT,
                    "Table and indexes: %s%n",
                    jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('kb_articles'))", String.class));

            Map<String, List<String>> kinds = new LinkedHashMap<>();
            kinds.put("one common word", List.of("router", "password", "invoice", "printer", "refund", "modem"));
            kinds.put("two words", List.of("router reset", "password portal", "invoice address", "printer jam"));
            kinds.put("three words", List.of("modem light red", "refund card payment", "wifi slow laptop"));
            kinds.put("a phrase", List.of("\"reset password\"", "\"printer jam\"", "\"slow internet\""));
            kinds.put("a word, minus another", List.of("router -modem", "invoice -refund", "printer -toner"));
            kinds.put("a rare word", List.of("w1234x", "w777x", "w15000x", "w4242x"));
            System.out.printf(
                    Locale.ROOT,
                    "%-24s %10s %9s %9s %9s %9s %9s %9s%n",
                    "query",
                    "matches",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms",
                    "max ms",
                    "app cpu",
                    "db cpu");
            // CPU per search (ms): the benchmark's thread (the application's work, JDBC included) and PostgreSQL's
            postgresCpu = PostgresCpu.of(jdbc);
            for (Map.Entry<String, List<String>> kind : kinds.entrySet()) {
                measure(
                        kind.getKey(),
                        kind.getValue(),
                        rounds,
                        query -> knowledgeBase
                                .find(new ArticleQuery(query, null, false), 0, PAGE, agent)
                                .getTotalElements());
            }
            measure(
                    "suggestions (ticket)",
                    List.of("Customer cannot reset the router password", "Invoice shows a wrong address"),
                    rounds,
                    text -> suggestions
                            .suggest(new SuggestionRequest(text, null, List.of("Billing"), List.of("vip"), 5))
                            .size());
            measure(
                    "suggestions (call)",
                    List.of("Router keeps dropping wifi", "Refund for a double payment"),
                    rounds,
                    text -> suggestions
                            .suggest(new SuggestionRequest(
                                    text, "support", List.of("Internet", "Billing"), List.of("router", "vip"), 3))
                            .size());
            if (Boolean.getBoolean("bench.explain")) {
                BenchmarkPlans.print(jdbc, kinds);
            }
            System.out.printf(Locale.ROOT, "Load average after: %s%n", loadAverage());
        }
    }

    private interface Search {
        long run(String query);
    }

    private static void measure(String kind, List<String> queries, int rounds, Search search) {
        for (int i = 0; i < 50; i++) {
            search.run(queries.get(i % queries.size()));
        }
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        long matches = 0;
        long appCpu = THREADS.getCurrentThreadCpuTime();
        long databaseCpu = postgresCpu == null ? 0 : postgresCpu.nanos();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            matches = search.run(queries.get(i % queries.size()));
            histogram.recordValue(System.nanoTime() - start);
        }
        appCpu = THREADS.getCurrentThreadCpuTime() - appCpu;
        databaseCpu = postgresCpu == null ? 0 : postgresCpu.nanos() - databaseCpu;
        System.out.printf(
                Locale.ROOT,
                "%-24s %10s %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f%n",
                kind,
                matches > KnowledgeBase.COUNT_CAP
                        ? "> " + KnowledgeBase.COUNT_CAP
                        : String.format(Locale.ROOT, "%,d", matches),
                histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(95) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6,
                histogram.getMaxValue() / 1e6,
                appCpu / 1e6 / rounds,
                databaseCpu / 1e6 / rounds);
    }

    private static void seed(JdbcTemplate jdbc, int articles, Viewer author) {
        Random random = new Random(18);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        for (int i = 1; i <= articles; i++) {
            String title = words(random, 4 + random.nextInt(5));
            StringBuilder body = new StringBuilder();
            int paragraphs = 2 + random.nextInt(4);
            for (int p = 0; p < paragraphs; p++) {
                body.append(words(random, 40 + random.nextInt(20))).append(".\n\n");
            }
            rows.add(new Object[] {
                i,
                title,
                body.toString(),
                COMMON[random.nextInt(20)],
                author.user().value(),
                now,
                now,
                now
            });
            for (int t = 0; t < 3; t++) {
                tags.add(new Object[] {i, COMMON[random.nextInt(COMMON.length)] + (t == 0 ? "" : "-" + t)});
            }
            if (rows.size() == 2_000 || i == articles) {
                jdbc.batchUpdate(
                        "insert into kb_articles (id, title, body, category, status, author_id, created_at,"
                                + " updated_at, published_at, version, views) values (?, ?, ?, ?, 'PUBLISHED', ?, ?,"
                                + " ?, ?, 1, 0)",
                        rows);
                jdbc.batchUpdate("insert into kb_article_tags (article_id, tag) values (?, ?)", tags);
                rows.clear();
                tags.clear();
            }
        }
        jdbc.execute("select setval(pg_get_serial_sequence('kb_articles', 'id'), " + articles + ")");
        jdbc.update("insert into kb_article_queues (article_id, queue) select id, 'support' from kb_articles"
                + " where id % 50 = 0");
        // one article in 40 answers a ticket category: 1,250 at 50,000, spread over the categories
        jdbc.update("insert into kb_article_ticket_categories (article_id, category) select id, (array['Billing',"
                + " 'Internet', 'Hardware', 'Account', 'Delivery'])[1 + (id / 40) % 5] from kb_articles"
                + " where id % 40 = 0");
    }

    /** Words with a skew: common support words most of the time, each rare word seldom. */
    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            if (random.nextInt(10) < 7) {
                double skew = Math.pow(random.nextDouble(), 2);
                text.append(COMMON[(int) (skew * COMMON.length)]);
            } else {
                text.append('w').append(random.nextInt(RARE)).append('x');
            }
        }
        return text.toString();
    }

    /** A throw-away server, or with {@code bench.data-dir} one whose data stays in that folder. */
    private static EmbeddedPostgres postgres(String dataDirectory) throws IOException {
        if (dataDirectory.isBlank()) {
            return SharedPostgres.start(true);
        }
        Files.createDirectories(Path.of(dataDirectory));
        return EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(dataDirectory))
                .setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "256MB")
                .start();
    }

    private static ConfigurableApplicationContext application(EmbeddedPostgres postgres) {
        return new SpringApplicationBuilder(CrmTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=" + SharedPostgres.jdbcUrl(postgres),
                        "spring.datasource.username=postgres",
                        "spring.main.banner-mode=off",
                        "switchboard.tickets.scheduler.enabled=false",
                        "logging.level.root=WARN")
                .run();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
