package io.switchboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The export's second thread: it writes every call in the reader's order, what the single-threaded writer writes,
 * and a failure on either side ends both without leaving the thread behind.
 */
class CsvWritingThreadTest {

    @Test
    void everyCallIsWrittenInOrderAsTheCsvWriterWritesIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter expected = new StringWriter();
        CallHistoryCsv direct = CallHistoryCsv.to(expected);
        long written;
        try (CsvWritingThread writer = CsvWritingThread.to(out)) {
            for (int n = 0; n < 2_503; n++) {
                writer.accept(call(n));
                direct.write(call(n));
            }
            written = writer.finish();
        }
        direct.flush();

        assertThat(written).isEqualTo(2_503);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(writerThreadAlive()).isFalse();
    }

    @Test
    void aClientThatGoesAwayStopsTheReader() {
        OutputStream brokenPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        try (CsvWritingThread writer = CsvWritingThread.to(brokenPipe)) {
            assertThatThrownBy(() -> {
                        for (int n = 0; n < 1_000_000; n++) {
                            writer.accept(call(n));
                        }
                        writer.finish();
                    })
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Broken pipe");
        }
        assertThat(writerThreadAlive()).isFalse();
    }

    @Test
    void aReaderThatFailsStopsTheWriter() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWritingThread writer = CsvWritingThread.to(out)) {
            for (int n = 0; n < 5_000; n++) {
                writer.accept(call(n));
            }
            // the database failed here: the reader leaves without finish()
        }
        assertThat(writerThreadAlive()).isFalse();
    }

    private static boolean writerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("call-history-csv") && thread.isAlive());
    }

    private static CallRow call(int n) {
        Instant started = Instant.parse("2026-03-10T08:00:00Z").plusSeconds(n);
        return new CallRow(
                n,
                "c-" + n,
                CallDirection.INBOUND,
                CallOutcome.ANSWERED,
                started,
                started.plusSeconds(5),
                started.plusSeconds(65),
                "+4930" + n,
                n % 2 == 0 ? null : "Name, \"" + n + "\"",
                "500",
                null,
                null,
                "support",
                "2011",
                1,
                5,
                60,
                null,
                n % 3 == 0);
    }
}
