package io.switchboard.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a manager connection may stay without logging in, and how many may wait so at once: Asterisk's
 * {@code manager.conf} {@code authtimeout} and {@code authlimit}, with its defaults. Asterisk closes a connection
 * that has not logged in {@code authtimeout} after it opened (whatever it sent meanwhile), and closes a new
 * connection at once, before its banner, while {@code authlimit} others are still unauthenticated.
 *
 * @param timeout Asterisk's {@code authtimeout} (30 s)
 * @param maxUnauthenticated Asterisk's {@code authlimit} (50)
 */
public record AuthLimits(Duration timeout, int maxUnauthenticated) {

    /** {@code authtimeout = 30}, {@code authlimit = 50}: Asterisk's defaults. */
    public static final AuthLimits ASTERISK_DEFAULTS = new AuthLimits(Duration.ofSeconds(30), 50);

    public AuthLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("authtimeout must be positive: " + timeout);
        }
        if (maxUnauthenticated < 1) {
            throw new IllegalArgumentException("authlimit must be at least 1: " + maxUnauthenticated);
        }
    }
}
