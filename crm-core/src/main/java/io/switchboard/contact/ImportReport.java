package io.switchboard.contact;

import java.time.Duration;
import java.util.List;

/**
 * What an import did. Every row read is inserted, updated or rejected.
 *
 * @param rows contact rows read (the header not counted)
 * @param inserted new contacts
 * @param updated rows that matched an existing contact (same name and number) and updated it
 * @param rejected rows not imported; the first ones are listed in {@code rejections}
 * @param unparseablePhones imported rows whose phone number is kept raw and flagged because it did not parse
 * @param rejections the rejected rows with their reasons, up to the configured limit
 * @param encoding how the file was decoded, e.g. {@code windows-1252 (detected)} or {@code UTF-8 (byte-order mark)}
 * @param delimiter the field separator the file was read with
 */
public record ImportReport(
        long rows,
        long inserted,
        long updated,
        long rejected,
        long unparseablePhones,
        List<RejectedRow> rejections,
        Duration elapsed,
        String encoding,
        String delimiter) {

    public ImportReport {
        rejections = List.copyOf(rejections);
    }

    /** Rows per second over the whole import. */
    public double rowsPerSecond() {
        return elapsed.isZero() ? rows : rows * 1_000_000_000.0 / elapsed.toNanos();
    }
}
