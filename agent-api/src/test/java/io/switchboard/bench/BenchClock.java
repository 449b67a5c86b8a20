package io.switchboard.bench;

import java.time.Instant;

/** Wall-clock microseconds, the unit of every latency the benchmark records. */
final class BenchClock {

    private BenchClock() {}

    static long wallMicros() {
        return micros(Instant.now());
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /** {@code 1764082165.123456} (seconds, six decimals, as Asterisk writes {@code Timestamp}) in microseconds. */
    static long parseAmiTimestamp(String timestamp) {
        int dot = timestamp.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(timestamp) * 1_000_000;
        }
        String fraction = (timestamp.substring(dot + 1) + "000000").substring(0, 6);
        return Long.parseLong(timestamp.substring(0, dot)) * 1_000_000 + Long.parseLong(fraction);
    }
}
