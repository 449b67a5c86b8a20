package io.switchboard.gateway.cluster;

import io.switchboard.gateway.call.CallEvent;

/**
 * Which call events relayed from other nodes reach this node's subscribers ({@link CallEventRelay}): all of them,
 * unless a gate says an event is no longer news (an agent's change older than what a link owner's snapshot brought).
 */
@FunctionalInterface
public interface RelayGate {

    RelayGate OPEN = event -> true;

    boolean admits(CallEvent event);
}
