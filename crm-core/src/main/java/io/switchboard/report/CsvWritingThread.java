package io.switchboard.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.io.output.StringBuilderWriter;

/**
 * Writes the call history's CSV on a thread of its own while the caller's thread reads the calls from the database:
 * the export's two halves (the cursor's fetching and mapping; the CSV's formatting and encoding) then run on both
 * cores at once instead of one after the other, which was the export's limit (README, "The export's rate"). The
 * calls pass in batches through a queue of a few batches, so memory stays flat: a reader ahead of the writer waits.
 * A failure on either side stops both: the writer's (the client went away) is thrown to the reader at its next
 * batch, and a reader that stops early ({@link #close} without {@link #finish}) stops the writer.
 */
final class CsvWritingThread implements Consumer<CallRow>, AutoCloseable {

    private static final int BATCH = 1_000;
    private static final int BATCHES_IN_FLIGHT = 4;
    private static final CallRow[] END = {};

    private final BlockingQueue<CallRow[]> batches = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean abandoned;
    private CallRow[] batch = new CallRow[BATCH];
    private int inBatch;
    private long rows;
    private boolean finished;

    private CsvWritingThread(OutputStream out) {
        this.thread = new Thread(() -> write(out), "call-history-csv");
        thread.setDaemon(true);
    }

    /** Starts writing to {@code out} (UTF-8, a batch of calls at a time), the header first. */
    static CsvWritingThread to(OutputStream out) {
        CsvWritingThread writer = new CsvWritingThread(out);
        writer.thread.start();
        return writer;
    }

    /** Hands a call to the writer; throws the writer's failure if it has stopped. */
    @Override
    public void accept(CallRow row) {
        batch[inBatch++] = row;
        if (inBatch == BATCH) {
            hand(batch);
            batch = new CallRow[BATCH];
            inBatch = 0;
        }
        rows++;
    }

    /**
     * Hands the last calls over and waits until everything is written and flushed.
     *
     * @return the calls written
     */
    long finish() {
        if (inBatch > 0) {
            CallRow[] last = new CallRow[inBatch];
            System.arraycopy(batch, 0, last, 0, inBatch);
            hand(last);
        }
        hand(END);
        finished = true;
        join();
        rethrowFailure();
        return rows;
    }

    /** Stops the writer if the reading ended without {@link #finish} (it failed). */
    @Override
    public void close() {
        if (!finished) {
            abandoned = true;
            thread.interrupt();
            join();
        }
    }

    private void hand(CallRow[] calls) {
        try {
            while (!batches.offer(calls, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while exporting", e);
        }
        rethrowFailure();
    }

    private void write(OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            // Commons CSV appends a character at a time: to a JDK writer that is a synchronized call per character
            // (40 % of this thread's time in a profile), to a StringBuilder a plain append. Each batch's text is
            // then encoded and written in one go.
            StringBuilderWriter text = new StringBuilderWriter(BATCH * 256);
            CallHistoryCsv csv = CallHistoryCsv.to(text);
            for (CallRow[] calls = batches.take(); calls != END && !abandoned; calls = batches.take()) {
                for (CallRow call : calls) {
                    csv.write(call);
                }
                drain(text, writer);
            }
            if (!abandoned) {
                drain(text, writer);
                writer.flush();
            }
        } catch (InterruptedException e) {
            // the reader gave up: nothing more to write
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
    }

    private static void drain(StringBuilderWriter text, Writer writer) throws IOException {
        StringBuilder written = text.getBuilder();
        writer.write(written.toString());
        written.setLength(0);
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while exporting", e);
        }
    }

    private void rethrowFailure() {
        Throwable failed = failure;
        if (failed instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
    }
}
