package io.switchboard.contact;

import io.switchboard.csv.CsvEntry;
import io.switchboard.csv.CsvReader;
import io.switchboard.csv.CsvRejection;
import io.switchboard.csv.CsvRow;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and checks CSV rows on a thread of its own and deals them out in batches to several writers, so that
 * parsing, phone number normalisation and the database's work overlap.
 *
 * <p>Rows are dealt by their {@link ImportRow#key}: rows that may be the same contact always go to the same writer,
 * which writes its batches one after the other, so a repeated row finds the contact an earlier one created. At
 * most two batches wait per writer.
 *
 * <p>Not a {@code BoundedWorker}, though it is a bounded queue and a thread too: here the thread is the producer and
 * waits for slow writers (no row may be dropped), it deals to several queues by key, and its end and its failure
 * travel down the queues to the writers, who pull on threads of the import's own.
 */
class CsvBatchReader implements AutoCloseable {

    private static final List<ImportRow> END = List.of();

    private final CsvReader parser;
    private final ImportRowReader rows;
    private final ImportTally tally;
    private final int batchSize;
    private final List<BlockingQueue<Object>> queues = new ArrayList<>();
    private final Thread thread;
    private int nextUnkeyed;

    CsvBatchReader(CsvReader parser, ImportRowReader rows, ImportTally tally, int batchSize, int writers) {
        this.parser = parser;
        this.rows = rows;
        this.tally = tally;
        this.batchSize = batchSize;
        for (int i = 0; i < writers; i++) {
            queues.add(new ArrayBlockingQueue<>(2));
        }
        this.thread = new Thread(this::readAll, "contact-import-reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * The writer's next batch of good rows; empty once the file is read.
     *
     * @throws ImportFormatException when the file cannot be read to its end
     */
    List<ImportRow> next(int writer) throws InterruptedException {
        Object next = queues.get(writer).take();
        if (next instanceof RuntimeException failure) {
            throw failure;
        }
        @SuppressWarnings("unchecked")
        List<ImportRow> batch = (List<ImportRow>) next;
        return batch;
    }

    /** Stops reading, for when the writers gave up part-way. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readAll() {
        List<List<ImportRow>> batches = new ArrayList<>();
        queues.forEach(queue -> batches.add(new ArrayList<>(batchSize)));
        try {
            for (CsvEntry entry = parser.next(); entry != null; entry = parser.next()) {
                Optional<ImportRow> read = read(entry);
                if (read.isEmpty()) {
                    continue;
                }
                ImportRow row = read.get();
                int writer = writerOf(row);
                List<ImportRow> batch = batches.get(writer);
                batch.add(row);
                if (batch.size() == batchSize) {
                    queues.get(writer).put(batch);
                    batches.set(writer, new ArrayList<>(batchSize));
                }
            }
            for (int writer = 0; writer < queues.size(); writer++) {
                if (!batches.get(writer).isEmpty()) {
                    queues.get(writer).put(batches.get(writer));
                }
                queues.get(writer).put(END);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException e) {
            handToAll(new ImportFormatException(
                    "could not read the file after row " + (tally.rows() + 1) + ": " + e.getMessage(), e));
        } catch (RuntimeException e) {
            handToAll(e);
        }
    }

    /** The row, or empty when it was rejected (and counted as such). */
    private Optional<ImportRow> read(CsvEntry entry) {
        tally.read();
        if (entry instanceof CsvRejection broken) {
            tally.reject(new RejectedRow(broken.line(), broken.reason()));
            return Optional.empty();
        }
        CsvRow record = (CsvRow) entry;
        long row = record.line();
        try {
            ImportRow imported = rows.read(record);
            if (imported.phone() != null && imported.phone().unparseable()) {
                tally.unparseablePhone();
            }
            return Optional.of(imported);
        } catch (RowRejectedException e) {
            tally.reject(new RejectedRow(row, e.getMessage()));
            return Optional.empty();
        }
    }

    private int writerOf(ImportRow row) {
        String key = row.key();
        if (key == null) {
            nextUnkeyed = (nextUnkeyed + 1) % queues.size();
            return nextUnkeyed;
        }
        return Math.floorMod(spread(key.hashCode()), queues.size());
    }

    /**
     * Mixes all bits of a hash into the low ones (MurmurHash3's finaliser). String hashes alone deal badly: the
     * parity of "contact 17|+4930...17" is the same for every row, since each varying digit appears twice.
     */
    static int spread(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private void handToAll(RuntimeException failure) {
        try {
            for (BlockingQueue<Object> queue : queues) {
                queue.put(failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
