package io.switchboard.gateway.ami;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so many gateways reconnecting to one PBX do not arrive in step. */
record Backoff(Duration min, Duration max) {

    Duration forAttempt(int attempt) {
        long base = min.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(base, max.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(capped - capped / 8 + jitter);
    }
}
