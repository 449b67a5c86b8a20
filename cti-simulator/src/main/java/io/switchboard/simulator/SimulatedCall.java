package io.switchboard.simulator;

import java.util.List;
import java.util.Optional;

/**
 * A call the simulator played, as a test would want to check it against what a tracker made of the events.
 *
 * @param linkedid the call's Linkedid (the Uniqueid of its first channel)
 * @param firstChannel the first channel's name ({@code IAX2/carrier-NNNN} inbound, the agent's Local;1 outbound)
 * @param outcome how it ended
 * @param answeredBy the agent extension that talked to the caller last, if any
 * @param channels every channel the call had, in creation order
 * @param otherLinkedids Linkedids of calls merged into this one (an attended transfer's consultation call)
 */
public record SimulatedCall(
        String linkedid,
        String firstChannel,
        Outcome outcome,
        Optional<String> answeredBy,
        List<String> channels,
        List<String> otherLinkedids) {

    public SimulatedCall {
        channels = List.copyOf(channels);
        otherLinkedids = List.copyOf(otherLinkedids);
    }

    public enum Outcome {
        ANSWERED,
        ABANDONED,
        NO_ANSWER,
        BUSY,
        TRANSFERRED,
        /** The caller waited the queue's 120 s without reaching an agent and the dialplan hung up. */
        QUEUE_TIMEOUT,
        HUNG_UP_BY_ACTION
    }
}
