package io.switchboard.simulator;

/**
 * A queue call that {@code agent} answers and, after {@code talkBeforeSeconds}, blind-transfers to
 * {@code targetAgent}, who rings for {@code targetRingSeconds}, answers and talks {@code talkAfterSeconds}
 * before hanging up. The same flow runs when a client sends a {@code Redirect} action for a connected call.
 */
public record BlindTransfer(
        Caller caller,
        String queue,
        String agent,
        double ringSeconds,
        double talkBeforeSeconds,
        String targetAgent,
        double targetRingSeconds,
        double talkAfterSeconds)
        implements Scenario {

    public static BlindTransfer example() {
        return new BlindTransfer(new Caller("+4930999888", "Erin Blind", "500"), "support", "1001", 2, 4, "1003", 2, 5);
    }
}
