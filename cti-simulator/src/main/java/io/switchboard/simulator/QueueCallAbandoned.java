package io.switchboard.simulator;

import java.util.Optional;

/**
 * An inbound queue call whose caller hangs up after {@code secondsInQueue}, while {@code ringingAgent} (if any)
 * rings without answering (trace {@code queue_abandoned.ami}).
 */
public record QueueCallAbandoned(Caller caller, String queue, Optional<String> ringingAgent, double secondsInQueue)
        implements Scenario {

    public static QueueCallAbandoned example() {
        return new QueueCallAbandoned(
                new Caller("+442071234567", "Bob Caller", "500"), "support", Optional.of("1001"), 5.5);
    }
}
