package io.switchboard.gateway.edge;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Token ids already used on this node, kept until the tokens expire: a token opens one session only, so one that
 * leaks (a proxy's access log holds the query string) cannot open another.
 */
final class UsedTokens {

    private static final int PURGE_EVERY = 256;

    private final ConcurrentHashMap<String, Instant> used = new ConcurrentHashMap<>();
    private final AtomicInteger sincePurge = new AtomicInteger();
    private final Clock clock;

    UsedTokens(Clock clock) {
        this.clock = clock;
    }

    /** True the first time {@code id} is seen; {@code acceptedUntil} is when its token stops being valid. */
    boolean firstUse(String id, Instant acceptedUntil) {
        if (sincePurge.incrementAndGet() >= PURGE_EVERY) {
            sincePurge.set(0);
            Instant now = clock.instant();
            used.values().removeIf(until -> until.isBefore(now));
        }
        return used.putIfAbsent(id, acceptedUntil) == null;
    }

    int size() {
        return used.size();
    }
}
