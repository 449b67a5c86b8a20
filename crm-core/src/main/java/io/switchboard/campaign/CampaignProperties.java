package io.switchboard.campaign;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound campaigns: how lists are read and imported and what "today" means in progress figures.
 *
 * @param defaultRegion ISO region of list numbers without a country code; {@code null}: the contacts' region
 *     ({@code switchboard.contacts.default-region})
 * @param fallbackTimezone the zone of a lead whose number has no known zone and whose row gives none; {@code null}:
 *     such rows are rejected
 * @param reportingZone the zone whose midnight starts the "today" of progress figures and the abandon rate
 * @param importBatchSize list rows checked and written per transaction
 * @param importCopy on PostgreSQL, write leads with COPY rather than JDBC batches
 * @param importThreads imports that may run at the same time (more wait their turn)
 * @param maxStoredRejections rejected rows kept one by one per import; further ones are only counted
 */
@ConfigurationProperties("switchboard.campaigns")
public record CampaignProperties(
        String defaultRegion,
        String fallbackTimezone,
        @DefaultValue("UTC") String reportingZone,
        @DefaultValue("2000") int importBatchSize,
        @DefaultValue("true") boolean importCopy,
        @DefaultValue("2") int importThreads,
        @DefaultValue("100000") int maxStoredRejections) {

    public CampaignProperties {
        defaultRegion = defaultRegion == null || defaultRegion.isBlank()
                ? null
                : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (defaultRegion != null && defaultRegion.length() != 2) {
            throw new IllegalArgumentException("switchboard.campaigns.default-region must be a two-letter region code");
        }
        fallbackTimezone = fallbackTimezone == null || fallbackTimezone.isBlank()
                ? null
                : ZoneId.of(fallbackTimezone.strip()).getId();
        reportingZone =
                ZoneId.of(reportingZone == null ? "UTC" : reportingZone.strip()).getId();
        if (importBatchSize < 1 || importBatchSize > 10_000) {
            throw new IllegalArgumentException("switchboard.campaigns.import-batch-size must be between 1 and 10000");
        }
        if (importThreads < 1 || importThreads > 8) {
            throw new IllegalArgumentException("switchboard.campaigns.import-threads must be between 1 and 8");
        }
        if (maxStoredRejections < 0) {
            throw new IllegalArgumentException("switchboard.campaigns.max-stored-rejections must not be negative");
        }
    }

    public static CampaignProperties defaults() {
        return new CampaignProperties(null, null, "UTC", 2000, true, 2, 100_000);
    }

    public ZoneId reportingZoneId() {
        return ZoneId.of(reportingZone);
    }
}
