package io.switchboard.contact;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How phone numbers are read and callers are matched to contacts.
 *
 * @param defaultRegion ISO 3166 region that numbers without a country code belong to ({@code 030 1234567} is
 *     Berlin when this is {@code DE}); also how the PBX's national caller ids are read
 * @param trailingDigits the last-resort match compares this many trailing digits of the caller's number with the
 *     stored numbers; callers with fewer digits never match this way
 * @param extensionMaxDigits caller numbers this short are internal extensions (an agent calling), never a contact
 * @param maxMatches at most this many contacts are returned for one caller (a pop offers them all to pick from)
 * @param recentActivities how many of the caller's latest activities a screen pop shows
 * @param importBatchSize CSV rows written per database batch and transaction during an import
 * @param importWriters database connections an import writes through in parallel (one more thread reads the file)
 * @param importCopy on PostgreSQL, append imported rows with COPY rather than JDBC batches (multi-row inserts)
 * @param maxReportedRejections rejected rows listed one by one in an import report; further ones are only counted
 */
@ConfigurationProperties("switchboard.contacts")
public record ContactProperties(
        @DefaultValue("DE") String defaultRegion,
        @DefaultValue("8") int trailingDigits,
        @DefaultValue("4") int extensionMaxDigits,
        @DefaultValue("20") int maxMatches,
        @DefaultValue("5") int recentActivities,
        @DefaultValue("2000") int importBatchSize,
        @DefaultValue("2") int importWriters,
        @DefaultValue("true") boolean importCopy,
        @DefaultValue("10000") int maxReportedRejections) {

    public ContactProperties {
        if (defaultRegion == null || defaultRegion.length() != 2) {
            throw new IllegalArgumentException("switchboard.contacts.default-region must be a two-letter region code");
        }
        defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
        if (trailingDigits < 5 || trailingDigits > 15) {
            throw new IllegalArgumentException("switchboard.contacts.trailing-digits must be between 5 and 15");
        }
        if (extensionMaxDigits < 0 || extensionMaxDigits >= trailingDigits) {
            throw new IllegalArgumentException(
                    "switchboard.contacts.extension-max-digits must be at least 0 and below trailing-digits");
        }
        if (maxMatches < 1) {
            throw new IllegalArgumentException("switchboard.contacts.max-matches must be at least 1");
        }
        if (recentActivities < 0) {
            throw new IllegalArgumentException("switchboard.contacts.recent-activities must not be negative");
        }
        if (importBatchSize < 1 || importBatchSize > 10_000) {
            throw new IllegalArgumentException("switchboard.contacts.import-batch-size must be between 1 and 10000");
        }
        if (importWriters < 1 || importWriters > 16) {
            throw new IllegalArgumentException("switchboard.contacts.import-writers must be between 1 and 16");
        }
        if (maxReportedRejections < 0) {
            throw new IllegalArgumentException("switchboard.contacts.max-reported-rejections must not be negative");
        }
    }

    /** The defaults, for code that runs without Spring's binder. */
    public static ContactProperties defaults() {
        return new ContactProperties("DE", 8, 4, 20, 5, 2000, 2, true, 10_000);
    }
}
