package io.switchboard.queue;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How queue figures are counted.
 *
 * @param zone the centre's time zone: "today" starts at its midnight
 * @param serviceLevelSeconds a call answered within this many seconds of waiting meets the service level (the default
 *     of queues without a threshold of their own)
 * @param serviceLevelTarget the share of calls that should meet it (0.8 = 80 %), for the staffing hint (the default
 *     of queues without a target of their own)
 * @param shortAbandons how callers who hang up within the threshold count: {@code EXCLUDED} from the service level
 *     (they left before anyone could have answered) or {@code MISSED} (counted against it)
 * @param arrivalWindow the recent period the staffing hint's arrival rate is measured over
 * @param sampleInterval how often the wallboard chart's points are taken
 * @param wrapUp how long an agent stays in wrap-up after a call: set it to the queues' {@code wrapuptime} (the default
 *     of queues without a wrap-up time of their own)
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

    /** The defaults of a queue without settings of its own. */
    public QueueRules defaultRules() {
        return new QueueRules(serviceLevelSeconds, serviceLevelTarget, wrapUp);
    }

    /** The service level formula as the API declares it, for a queue's threshold. */
    String serviceLevelFormula(int seconds) {
        return shortAbandons == ShortAbandons.EXCLUDED
                ? "answered within " + seconds + " s / (offered - abandoned within " + seconds + " s)"
                : "answered within " + seconds + " s / offered";
    }
}
