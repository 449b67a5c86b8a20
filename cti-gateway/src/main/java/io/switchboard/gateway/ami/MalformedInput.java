package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts and logs bad AMI input by reason; logs at most once a second per reason so garbage cannot flood logs. */
final class MalformedInput {

    private static final Logger log = LoggerFactory.getLogger(MalformedInput.class);

    enum Reason {
        LINE_TOO_LONG,
        BINARY,
        NO_COLON,
        TRUNCATED_FRAME
    }

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);
    private final Map<Reason, Long> lastLogged = new EnumMap<>(Reason.class);

    MalformedInput(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            counters.put(
                    reason,
                    Counter.builder("switchboard.ami.frames.malformed")
                            .tag("reason", reason.name().toLowerCase())
                            .description("Malformed AMI input discarded by the bounded line decoder")
                            .register(registry));
        }
    }

    void report(Reason reason, String what) {
        counters.get(reason).increment();
        long now = System.currentTimeMillis();
        synchronized (lastLogged) {
            Long last = lastLogged.get(reason);
            if (last != null && now - last < 1000) {
                return;
            }
            lastLogged.put(reason, now);
        }
        log.warn(
                "Malformed AMI input ({}): {}; the link stays up", reason.name().toLowerCase(), what);
    }
}
