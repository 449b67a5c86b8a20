package io.switchboard.simulator;

/** An inbound queue call that one agent answers (trace {@code queue_answered.ami}). */
public record QueueCallAnswered(
        Caller caller, String queue, String agent, double ringSeconds, double talkSeconds, HangupBy hangupBy)
        implements Scenario {

    public static QueueCallAnswered example() {
        return new QueueCallAnswered(
                new Caller("+4930123456", "Alice Example", "500"), "support", "1001", 2, 5, HangupBy.AGENT);
    }
}
