package io.switchboard.simulator;

/**
 * A click-to-dial call: the agent's phone rings and answers first, then the customer's {@code number} is dialled
 * over the trunk (traces {@code outbound_answered.ami}, {@code outbound_busy.ami}). Also what an
 * {@code Originate} of {@code Local/<agent>@agent-sim} into {@code to-carrier} plays.
 */
public record OutboundCall(
        String agentExtension,
        String number,
        OutboundOutcome outcome,
        double agentRingSeconds,
        double customerRingSeconds,
        double talkSeconds)
        implements Scenario {

    public static OutboundCall of(String agentExtension, String number, OutboundOutcome outcome) {
        return new OutboundCall(agentExtension, number, outcome, 1, 2, 4.5);
    }

    public static OutboundCall answeredExample() {
        return of("1002", "4930555551", OutboundOutcome.ANSWERED);
    }

    public static OutboundCall busyExample() {
        return of("1003", "4930555552", OutboundOutcome.BUSY);
    }
}
