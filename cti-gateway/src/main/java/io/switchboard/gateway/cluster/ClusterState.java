package io.switchboard.gateway.cluster;

/**
 * What health details show of the bus.
 *
 * @param node this node
 * @param transport {@code in-process} or {@code postgres}
 * @param connected whether messages flow now (in-process: always; PostgreSQL: the listening connection is up)
 * @param reconnects how often the transport lost its connection and made a new one since the node started
 * @param detail a sentence for people: why it is down, since when
 */
public record ClusterState(NodeId node, String transport, boolean connected, long reconnects, String detail) {}
