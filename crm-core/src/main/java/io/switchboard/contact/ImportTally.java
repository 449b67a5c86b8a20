package io.switchboard.contact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Counts an import as it goes (reader and writer threads) and keeps the first rejected rows for the report. */
class ImportTally {

    private final int maxListed;
    private final List<RejectedRow> rejections = new ArrayList<>();
    private long rows;
    private long inserted;
    private long updated;
    private long rejected;
    private long unparseablePhones;

    ImportTally(int maxListed) {
        this.maxListed = maxListed;
    }

    synchronized void read() {
        rows++;
    }

    synchronized long rows() {
        return rows;
    }

    synchronized void reject(RejectedRow row) {
        rejected++;
        if (rejections.size() < maxListed) {
            rejections.add(row);
        }
    }

    synchronized void unparseablePhone() {
        unparseablePhones++;
    }

    synchronized void written(int newContacts, int updatedContacts) {
        inserted += newContacts;
        updated += updatedContacts;
    }

    synchronized ImportReport report(Duration elapsed, String encoding, char delimiter) {
        return new ImportReport(
                rows,
                inserted,
                updated,
                rejected,
                unparseablePhones,
                rejections,
                elapsed,
                encoding,
                String.valueOf(delimiter));
    }
}
