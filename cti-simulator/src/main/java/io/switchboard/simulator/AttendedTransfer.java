package io.switchboard.simulator;

/**
 * A queue call that {@code agent} answers, puts on hold, consults {@code targetAgent} in a second call (its own
 * Linkedid) and then transfers: the bridges merge, Asterisk emits {@code AttendedTransfer} with {@code DestType:
 * Bridge}, and caller and target talk {@code talkAfterSeconds}.
 */
public record AttendedTransfer(
        Caller caller,
        String queue,
        String agent,
        double ringSeconds,
        double talkBeforeSeconds,
        String targetAgent,
        double targetRingSeconds,
        double consultSeconds,
        double talkAfterSeconds)
        implements Scenario {

    public static AttendedTransfer example() {
        return new AttendedTransfer(
                new Caller("+4930777666", "Frank Attended", "500"), "support", "1001", 2, 4, "1002", 2, 3, 5);
    }
}
