package io.switchboard.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.directory.LoginRecords;
import io.switchboard.directory.LoginRecords.LoginState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes guessing passwords slow: failed attempts per username and per address are counted in token buckets
 * (Bucket4j), and once a bucket is empty further attempts are refused without checking the password until it
 * refills; {@code lockout-after} failures in a row lock the user out for {@code lockout-duration}, in the database.
 * Every refusal is counted in {@code switchboard.security.login.refused{reason}}.
 */
public class LoginGuard {

    private static final Logger log = LoggerFactory.getLogger(LoginGuard.class);

    private final LoginRecords records;
    private final LoginProperties properties;
    private final Clock clock;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;
    private final Map<RefusalReason, Counter> refused = new EnumMap<>(RefusalReason.class);

    LoginGuard(LoginRecords records, LoginProperties properties, MeterRegistry registry, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.clock = clock;
        // a bucket untouched for a window is full again, so forgetting it then changes nothing; the size bound keeps
        // a flood of made-up usernames from taking memory
        this.users = Caffeine.newBuilder()
                .expireAfterAccess(properties.window())
                .maximumSize(100_000)
                .build();
        this.addresses = Caffeine.newBuilder()
                .expireAfterAccess(properties.window())
                .maximumSize(100_000)
                .build();
        for (RefusalReason reason : RefusalReason.values()) {
            refused.put(
                    reason,
                    Counter.builder("switchboard.security.login.refused")
                            .description("Logins refused, by reason")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
    }

    /**
     * Lets an attempt through to the password check, or refuses it.
     *
     * @return the user's login state (empty for an unknown username)
     * @throws LoginRefusedException when the user is locked out or a throttle is empty
     */
    Optional<LoginState> admit(String username, String address) {
        Optional<LoginState> state = records.state(username);
        Instant now = clock.instant();
        if (state.isPresent() && state.get().lockedAt(now)) {
            throw refuse(RefusalReason.LOCKED, Duration.between(now, state.get().lockedUntil()));
        }
        waitFor(addresses, address, properties.addressFailures()).ifPresent(wait -> {
            throw refuse(RefusalReason.THROTTLED_ADDRESS, wait);
        });
        waitFor(users, key(username), properties.userFailures()).ifPresent(wait -> {
            throw refuse(RefusalReason.THROTTLED_USER, wait);
        });
        return state;
    }

    /** A wrong password, an unknown or a deactivated user: counts against the username and the address. */
    void failed(String username, String address, RefusalReason reason) {
        refused.get(reason).increment();
        bucket(addresses, address, properties.addressFailures()).tryConsume(1);
        bucket(users, key(username), properties.userFailures()).tryConsume(1);
        records.failed(username, properties.lockoutAfter(), properties.lockoutDuration(), clock.instant())
                .ifPresent(until -> log.warn(
                        "User '{}' locked out until {} after {} failed logins in a row (last from {})",
                        username,
                        until,
                        properties.lockoutAfter(),
                        address));
    }

    /** A login that got through: the count of failures in a row starts again. */
    void succeeded(String username, Optional<LoginState> state) {
        if (state.map(LoginState::failedLogins).orElse(0) > 0) {
            records.succeeded(username);
        }
    }

    /** Counts a refusal decided elsewhere (a wrong setup token, a single sign-on user Switchboard does not know). */
    public void refusedElsewhere(RefusalReason reason) {
        refused.get(reason).increment();
    }

    private LoginRefusedException refuse(RefusalReason reason, Duration wait) {
        refused.get(reason).increment();
        return new LoginRefusedException(reason, wait);
    }

    private Optional<Duration> waitFor(Cache<String, Bucket> buckets, String key, int capacity) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket bucket(Cache<String, Bucket> buckets, String key, int capacity) {
        return buckets.get(
                key,
                ignored -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, properties.window()))
                        .build());
    }

    /** Usernames are compared as the directory stores them, but case tricks must not dodge the throttle. */
    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
