package io.switchboard.cluster;

import io.switchboard.testing.Desktop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * One person's desktop across a rolling restart, as a browser keeps it: when its node goes away it connects to another
 * node, and every socket it ever had counts for what it received. {@link #offline} keeps the spans (in
 * {@link System#nanoTime}) in which it had no socket: from its node beginning to stop to the new socket being held by
 * the other node's edge.
 */
final class Seat {

    record Span(long from, long to) {
        boolean covers(long at) {
            return at >= from && at <= to;
        }
    }

    final String username;
    /** The node the seat was put on at the start; after its node's restart it goes back there. */
    final int home;

    private volatile int node;
    private final List<Desktop> sockets = new CopyOnWriteArrayList<>();
    private final List<Span> offline = new CopyOnWriteArrayList<>();

    Seat(String username, int home) {
        this.username = username;
        this.home = home;
        this.node = home;
    }

    int node() {
        return node;
    }

    void connected(int node, Desktop socket) {
        this.node = node;
        sockets.add(socket);
    }

    /** The socket it has now (the last one connected). */
    Desktop current() {
        return sockets.get(sockets.size() - 1);
    }

    void wasOffline(long from, long to) {
        offline.add(new Span(from, to));
    }

    List<Span> offline() {
        return offline;
    }

    /** The payloads of this type received on any of the seat's sockets. */
    List<JsonNode> received(String type) {
        List<JsonNode> all = new ArrayList<>();
        sockets.forEach(socket -> all.addAll(socket.received(type)));
        return all;
    }

    void closeAll() {
        sockets.forEach(Desktop::close);
    }
}
