package io.switchboard.queue;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How queue figures are counted.
 *
 * @param zone the centre's time zone: "today" starts at its midnight
 * @param serviceLevelSeconds a call answered within this many seconds of waiting meets the service level
 * @param serviceLevelTarget the share of calls that should meet it (0.8 = 80 %), for the staffing hint
 * @param shortAbandons how callers who hang up within the threshold count: {@code EXCLUDED} from the service level
 *     (they left before anyone could have answered) or {@code MISSED} (counted against it)
 * @param arrivalWindow the recent period the staffing hint's arrival rate is measured over
 * @param sampleInterval how often the wallboard chart's points are taken
 * @param wrapUp how long an agent stays in wrap-up after a call: set it to the queues' {@code wrapuptime}
 */
@ConfigurationProperties("switchboard.queues")
public record QueueProperties(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("20") int serviceLevelSeconds,
        @DefaultValue("0.8") double serviceLevelTarget,
        @DefaultValue("EXCLUDED") ShortAbandons shortAbandons,
        @DefaultValue("30m") Duration arrivalWindow,
        @DefaultValue("1m") Duration sampleInterval,
        @DefaultValue("10s") Duration wrapUp) {

    public enum ShortAbandons {
        EXCLUDED,
        MISSED
    }

    public QueueProperties {
        if (serviceLevelSeconds < 1) {
            throw new IllegalArgumentException("switchboard.queues.service-level-seconds must be at least 1");
        }
        if (!(serviceLevelTarget > 0 && serviceLevelTarget < 1)) {
            throw new IllegalArgumentException("switchboard.queues.service-level-target must be between 0 and 1");
        }
        if (sampleInterval.toMillis() < 100) {
            throw new IllegalArgumentException("switchboard.queues.sample-interval must be at least 100ms");
        }
        if (wrapUp.isNegative()) {
            throw new IllegalArgumentException("switchboard.queues.wrap-up must not be negative");
        }
        if (arrivalWindow.isNegative() || arrivalWindow.isZero()) {
            throw new IllegalArgumentException("switchboard.queues.arrival-window must be positive");
        }
    }

    /** The service level formula as the API declares it. */
    String serviceLevelFormula() {
        return shortAbandons == ShortAbandons.EXCLUDED
                ? "answered within " + serviceLevelSeconds + " s / (offered - abandoned within " + serviceLevelSeconds
                        + " s)"
                : "answered within " + serviceLevelSeconds + " s / offered";
    }
}
