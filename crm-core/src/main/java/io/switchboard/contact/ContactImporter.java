package io.switchboard.contact;

import io.switchboard.csv.ByteSource;
import io.switchboard.csv.CsvFormatException;
import io.switchboard.csv.CsvHeader;
import io.switchboard.csv.CsvReader;
import io.switchboard.csv.DecodedText;
import io.switchboard.csv.TextEncodings;
import io.switchboard.csv.UnreadableFileException;
import io.switchboard.directory.Directory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports contacts from CSV. Good rows are kept, bad rows are reported with their line number and reason, a phone
 * number that does not parse is kept raw and flagged, and a contact imported again (same name and number) is
 * updated rather than duplicated. A record that is not valid CSV (a quote that never closes) is a rejected row like
 * any other: reading goes on at the next line ({@link CsvReader}). The file's encoding is found ({@link
 * TextEncodings}) and named in the report; only a file that has no readable header, or is not text, is refused as a
 * whole, before anything is stored.
 *
 * <p>One thread reads and checks rows; {@code switchboard.contacts.import-writers} threads write them, each in
 * batches of {@code import-batch-size} rows, one transaction per batch: COPY on PostgreSQL, JDBC batches elsewhere.
 * An import the database fails part-way keeps the batches written so far; running it again updates them. After a large
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
     * Imports an uploaded file in the charset given, or the one it was written in.
     *
     * @param charset {@code null} to find it
     * @throws ImportFormatException when the header cannot be read or lacks a mapped column (nothing is imported)
     * @throws UnreadableFileException when the file is not text
     */
    public ImportReport importCsv(ByteSource file, Charset charset, ImportOptions options) {
        DecodedText decoded;
        try {
            decoded = TextEncodings.open(file, charset);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        try (Reader text = decoded.text()) {
            return importCsv(() -> CsvReader.of(decoded, options.delimiter()), decoded.describe(), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports text already decoded.
     *
     * @throws ImportFormatException when the header cannot be read or lacks a mapped column (nothing is imported)
     */
    public ImportReport importCsv(Reader csv, ImportOptions options) {
        return importCsv(() -> new CsvReader(csv, options.delimiter(), null), "text", options);
    }

    private ImportReport importCsv(Supplier<CsvReader> open, String encoding, ImportOptions options) {
        long started = System.nanoTime();
        CsvReader reader;
        try {
            reader = open.get();
        } catch (CsvFormatException e) {
            throw new ImportFormatException(e.getMessage(), e);
        }
        ImportRowReader rows = rowReader(reader.header(), options);
        ImportTally tally = new ImportTally(properties.maxReportedRejections());
        int writers = properties.importWriters();
        int number = IMPORTS.incrementAndGet();
        BulkInsert inserts = BulkInsert.forDatabase(jdbc, properties.importCopy());
        ExecutorService pool = Executors.newFixedThreadPool(writers, task -> {
            Thread thread = new Thread(task, "contact-import-" + number + "-writer");
            thread.setDaemon(true);
            return thread;
        });
        try (CsvBatchReader batches = new CsvBatchReader(reader, rows, tally, properties.importBatchSize(), writers)) {
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
        } finally {
            stop(pool);
        }
        ImportReport report = tally.report(
                Duration.ofNanos(System.nanoTime() - started),
                encoding,
                reader.header().delimiter());
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
     * Interrupts the writers still waiting for batches and waits until they have stopped, so an import that failed
     * writes nothing after it has reported the failure (a writer in the middle of a batch finishes that batch).
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("contact import writers did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /** Reads rows by the mapping fitted to this file's header, once every mapped column is known to be there. */
    private ImportRowReader rowReader(CsvHeader header, ImportOptions options) {
        ImportOptions fitted = options.withColumns(options.columns().fittedTo(header.names()));
        checkHeader(header.names(), fitted.columns());
        return new ImportRowReader(fitted, normalizer, directory);
    }

    private static void checkHeader(List<String> header, ColumnMapping columns) {
        for (Map.Entry<String, String> mapped : columns.mappedColumns().entrySet()) {
            if (!header.contains(mapped.getValue())) {
                throw new ImportFormatException("the " + mapped.getKey() + " column '" + mapped.getValue()
                        + "' is not in the header " + header);
            }
        }
    }
}
