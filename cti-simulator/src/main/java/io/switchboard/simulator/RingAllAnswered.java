package io.switchboard.simulator;

import java.util.List;

/**
 * A ring-all queue call: all {@code ringingAgents} ring together, {@code answeringAgent} answers and the others'
 * rings are cancelled with cause 26 (trace {@code ringall_answered.ami}).
 */
public record RingAllAnswered(
        Caller caller,
        String queue,
        List<String> ringingAgents,
        String answeringAgent,
        double ringSeconds,
        double talkSeconds,
        HangupBy hangupBy)
        implements Scenario {

    public RingAllAnswered {
        ringingAgents = List.copyOf(ringingAgents);
        if (!ringingAgents.contains(answeringAgent)) {
            throw new IllegalArgumentException("answeringAgent must be one of ringingAgents");
        }
    }

    public static RingAllAnswered example() {
        return new RingAllAnswered(
                new Caller("0301234567", "Carol National", "501"),
                "sales",
                List.of("1005", "1004"),
                "1005",
                3,
                5.5,
                HangupBy.AGENT);
    }
}
