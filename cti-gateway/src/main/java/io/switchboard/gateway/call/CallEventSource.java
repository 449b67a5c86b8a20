package io.switchboard.gateway.call;

/**
 * Which call events a subscriber of the {@link CallEventBus} wants, once several nodes share the PBX links (each link
 * read by the one node that owns it, which relays its events to the others).
 */
public enum CallEventSource {
    /**
     * The events of the links this node reads: consumers that must act once per call whatever the number of nodes
     * (the call log, screen pops, campaigns). Their desktop messages cross to other nodes through the desktop
     * delivery.
     */
    THIS_NODE,
    /**
     * Also the events relayed from the other nodes' links: read models every node keeps whole (the live board, queue
     * figures, the desktop feed of agent states and queue snapshots to this node's desktops).
     */
    EVERY_NODE
}
