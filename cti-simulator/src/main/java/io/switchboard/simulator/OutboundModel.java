package io.switchboard.simulator;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How the customers the simulator dials customer first (campaign originates) answer, when the originate does not
 * say ({@code SIM_OUTCOME}). The five probabilities are weighed against their sum, so they need not add up to
 * exactly 1; times are simulated seconds.
 *
 * @param ringSeconds how long an answered customer's line rings first (unanswered ones ring until the originate's
 *     timeout)
 * @param talkSeconds how long a customer talks to the agent who takes the call
 * @param queue the campaign queue the simulator staffs with {@code members} agents (extensions 3001 upward)
 */
public record OutboundModel(
        double human,
        double machine,
        double busy,
        double noAnswer,
        double failed,
        double ringSeconds,
        double talkSeconds,
        String queue,
        int members) {

    /** How long answering machine detection listens before it decides. */
    static final double AMD_SECONDS = 2;
    /** How long an agent's phone rings before they take a campaign call. */
    static final double AGENT_RING_SECONDS = 1;
    /** {@code Queue(${EXTEN},,,,2)}: a customer nobody is free for within this long is dropped (abandoned). */
    static final double QUEUE_TIMEOUT_SECONDS = 2;

    public OutboundModel {
        for (double share : List.of(human, machine, busy, noAnswer, failed)) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("outbound probabilities must be between 0 and 1");
            }
        }
        if (ringSeconds < 0 || talkSeconds < 0) {
            throw new IllegalArgumentException("outbound ring and talk seconds must not be negative");
        }
        if (members < 0) {
            throw new IllegalArgumentException("outbound members must not be negative");
        }
    }

    /** 25 % people, 10 % machines, 10 % busy, 50 % no answer, 5 % failed; a {@code campaign} queue without agents. */
    public static OutboundModel defaults() {
        return new OutboundModel(0.25, 0.10, 0.10, 0.50, 0.05, 6, 30, "campaign", 0);
    }

    public OutboundModel withQueue(String newQueue, int newMembers) {
        return new OutboundModel(
                human, machine, busy, noAnswer, failed, ringSeconds, talkSeconds, newQueue, newMembers);
    }

    /** The campaign queue's members: agent extensions 3001 upward. */
    List<String> memberExtensions() {
        return IntStream.rangeClosed(1, members)
                .mapToObj(i -> Integer.toString(3000 + i))
                .toList();
    }

    /** The outcome for a uniform random {@code draw} in [0, 1). */
    CampaignOutcome draw(double draw) {
        double[] weights = {human, machine, busy, noAnswer, failed};
        CampaignOutcome[] outcomes = {
            CampaignOutcome.HUMAN,
            CampaignOutcome.MACHINE,
            CampaignOutcome.BUSY,
            CampaignOutcome.NO_ANSWER,
            CampaignOutcome.FAILED
        };
        double total = human + machine + busy + noAnswer + failed;
        double point = draw * total;
        for (int i = 0; i < weights.length; i++) {
            if (point < weights[i]) {
                return outcomes[i];
            }
            point -= weights[i];
        }
        return CampaignOutcome.NO_ANSWER;
    }
}
