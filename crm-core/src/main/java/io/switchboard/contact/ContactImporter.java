package io.switchboard.contact;

import io.switchboard.directory.Directory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports contacts from CSV. Good rows are kept, bad rows are reported with their row number and reason, a phone
 * number that does not parse is kept raw and flagged, and a contact imported again (same name and number) is
 * updated rather than duplicated.
 *
 * <p>One thread reads and checks rows; {@code switchboard.contacts.import-writers} threads write them, each in
 * batches of {@code import-batch-size} rows, one transaction per batch: COPY on PostgreSQL, JDBC batches elsewhere.
 * An import that fails part-way keeps the batches written so far; running it again updates them. After a large
 * import the planner statistics are refreshed, so that caller lookups are planned for the new table sizes.
 */
public class ContactImporter {

    private static final AtomicInteger IMPORTS = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PhoneNormalizer normalizer;
    private final Directory directory;
    private final ContactProperties properties;
    private final PlannerStatistics statistics;
    private final Clock clock = Clock.systemUTC();

    ContactImporter(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            PhoneNormalizer normalizer,
            Directory directory,
            ContactProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.normalizer = normalizer;
        this.directory = directory;
        this.properties = properties;
        this.statistics = new PlannerStatistics(jdbc);
    }

    /**
     * @throws ImportFormatException when a mapped column is not in the header or the file is not valid CSV
     */
    public ImportReport importCsv(Reader csv, ImportOptions options) {
        long started = System.nanoTime();
        ImportTally tally = new ImportTally(properties.maxReportedRejections());
        int writers = properties.importWriters();
        int number = IMPORTS.incrementAndGet();
        BulkInsert inserts = BulkInsert.forDatabase(jdbc, properties.importCopy());
        ExecutorService pool = Executors.newFixedThreadPool(writers, task -> {
            Thread thread = new Thread(task, "contact-import-" + number + "-writer");
            thread.setDaemon(true);
            return thread;
        });
        try (CSVParser parser = format(options).parse(csv);
                CsvBatchReader batches = new CsvBatchReader(
                        parser, rowReader(parser, options), tally, properties.importBatchSize(), writers)) {
            CompletionService<Void> running = new ExecutorCompletionService<>(pool);
            for (int writer = 0; writer < writers; writer++) {
                int mine = writer;
                ImportBatchWriter batchWriter = new ImportBatchWriter(jdbc, inserts, options.visibility());
                running.submit(() -> {
                    writeAll(batches, mine, batchWriter, tally);
                    return null;
                });
            }
            for (int writer = 0; writer < writers; writer++) {
                awaitNextWriter(running);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ImportFormatException("not valid CSV: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        ImportReport report = tally.report(Duration.ofNanos(System.nanoTime() - started));
        statistics.refreshAfterImport(report.inserted());
        return report;
    }

    private void writeAll(CsvBatchReader batches, int writer, ImportBatchWriter batchWriter, ImportTally tally)
            throws InterruptedException {
        for (List<ImportRow> batch = batches.next(writer); !batch.isEmpty(); batch = batches.next(writer)) {
            List<ImportRow> rows = batch;
            Instant now = clock.instant();
            Map<String, Long> accounts = transactions.execute(status -> batchWriter.accounts(rows, now));
            ImportBatchWriter.Written written = transactions.execute(status -> batchWriter.write(rows, accounts, now));
            tally.written(written.inserted(), written.updated());
        }
    }

    /**
     * Waits for whichever writer finishes next, and throws what went wrong if it failed. Writers are awaited in the
     * order they finish: a failed writer stops taking batches, the reader then stops dealing them, and a healthy
     * writer waiting for its next batch would wait for ever; the caller's finally block interrupts it.
     */
    private static void awaitNextWriter(CompletionService<Void> running) {
        try {
            running.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing contacts", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("contact import failed", e.getCause());
        }
    }

    private static CSVFormat format(ImportOptions options) {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(options.delimiter())
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
    }

    /** Reads rows by the mapping fitted to this file's header, once every mapped column is known to be there. */
    private ImportRowReader rowReader(CSVParser parser, ImportOptions options) {
        ImportOptions fitted = options.withColumns(options.columns().fittedTo(parser.getHeaderNames()));
        checkHeader(parser, fitted.columns());
        return new ImportRowReader(fitted, normalizer, directory);
    }

    private static CSVParser checkHeader(CSVParser parser, ColumnMapping columns) {
        List<String> header = parser.getHeaderNames();
        for (Map.Entry<String, String> mapped : columns.mappedColumns().entrySet()) {
            if (!header.contains(mapped.getValue())) {
                throw new ImportFormatException("the " + mapped.getKey() + " column '" + mapped.getValue()
                        + "' is not in the header " + header);
            }
        }
        return parser;
    }
}
