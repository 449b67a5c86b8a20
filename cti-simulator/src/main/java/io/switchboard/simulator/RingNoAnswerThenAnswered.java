package io.switchboard.simulator;

/**
 * A queue call where {@code firstAgent} rings for {@code firstRingSeconds} without answering
 * ({@code AgentRingNoAnswer}), then after the queue's retry {@code secondAgent} rings and answers.
 */
public record RingNoAnswerThenAnswered(
        Caller caller,
        String queue,
        String firstAgent,
        double firstRingSeconds,
        double retrySeconds,
        String secondAgent,
        double secondRingSeconds,
        double talkSeconds)
        implements Scenario {

    public static RingNoAnswerThenAnswered example() {
        return new RingNoAnswerThenAnswered(
                new Caller("+4940111222", "Dave Retry", "500"), "support", "1001", 15, 1, "1002", 2, 5);
    }
}
