package io.switchboard.activity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How ended calls become activities.
 *
 * @param bufferCapacity ended calls that may wait for the database (while it is slow or down) before further ones
 *     are refused and counted; at about 200 bytes each, the default holds several hours of a large centre's calls
 * @param batchSize activities written per statement and transaction
 * @param maxRetryDelay the longest pause between attempts to write while the database is unreachable
 * @param dispositionCodes the codes an agent may close a call with
 * @param maxPageSize the most activities one history page returns
 */
@ConfigurationProperties("switchboard.activities")
public record ActivityProperties(
        @DefaultValue("100000") int bufferCapacity,
        @DefaultValue("500") int batchSize,
        @DefaultValue("5s") Duration maxRetryDelay,

        @DefaultValue({
            "RESOLVED",
            "CALLBACK",
            "SALE",
            "NOT_INTERESTED",
            "WRONG_NUMBER",
            "VOICEMAIL",
            "ESCALATED",
            "OTHER"
        })
        List<String> dispositionCodes,

        @DefaultValue("200") int maxPageSize) {

    public ActivityProperties {
        if (bufferCapacity < 1) {
            throw new IllegalArgumentException("switchboard.activities.buffer-capacity must be at least 1");
        }
        if (batchSize < 1 || batchSize > 1_000) {
            throw new IllegalArgumentException("switchboard.activities.batch-size must be between 1 and 1000");
        }
        if (maxRetryDelay == null || maxRetryDelay.isNegative() || maxRetryDelay.isZero()) {
            throw new IllegalArgumentException("switchboard.activities.max-retry-delay must be positive");
        }
        if (dispositionCodes == null || dispositionCodes.isEmpty()) {
            throw new IllegalArgumentException("switchboard.activities.disposition-codes must name at least one code");
        }
        dispositionCodes = dispositionCodes.stream()
                .map(code -> code.trim().toUpperCase(Locale.ROOT))
                .toList();
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("switchboard.activities.max-page-size must be at least 1");
        }
    }

    /** The defaults, for code that runs without Spring's binder. */
    public static ActivityProperties defaults() {
        return new ActivityProperties(
                100_000,
                500,
                Duration.ofSeconds(5),
                List.of(
                        "RESOLVED",
                        "CALLBACK",
                        "SALE",
                        "NOT_INTERESTED",
                        "WRONG_NUMBER",
                        "VOICEMAIL",
                        "ESCALATED",
                        "OTHER"),
                200);
    }
}
