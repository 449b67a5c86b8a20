package io.switchboard.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard guessing passwords is made. Throttling counts failed attempts in memory on each node (token buckets
 * that refill over {@code window}); lockout counts failures in a row in the database, so every node and a restart
 * see it.
 *
 * @param userFailures failed attempts for one username within {@code window} before further attempts are refused
 * @param addressFailures failed attempts from one address within {@code window} before further attempts are refused
 *     (generous: a contact centre's agents often share one public address)
 * @param window how long the throttles take to forget a failure
 * @param lockoutAfter failures in a row after which the user is locked out (an admin may unlock them earlier)
 * @param lockoutDuration how long a lockout lasts
 */
@ConfigurationProperties("switchboard.security.login")
public record LoginProperties(
        @DefaultValue("5") int userFailures,
        @DefaultValue("100") int addressFailures,
        @DefaultValue("5m") Duration window,
        @DefaultValue("10") int lockoutAfter,
        @DefaultValue("15m") Duration lockoutDuration) {

    public LoginProperties {
        if (userFailures < 1 || addressFailures < 1 || lockoutAfter < 1) {
            throw new IllegalArgumentException(
                    "switchboard.security.login.user-failures, address-failures and lockout-after must be at least 1");
        }
        if (window.isNegative() || window.isZero() || lockoutDuration.isNegative() || lockoutDuration.isZero()) {
            throw new IllegalArgumentException(
                    "switchboard.security.login.window and lockout-duration must be positive");
        }
    }
}
