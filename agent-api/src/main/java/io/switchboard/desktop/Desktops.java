package io.switchboard.desktop;

import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.gateway.cluster.ClusterTopic;
import io.switchboard.gateway.cluster.InProcessClusterBus;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.gateway.edge.EdgeMessage;
import java.util.Objects;

/**
 * The one way services reach desktops, whichever node holds them: each call is done on this node's CTI edge and,
 * unless this is a {@link #thisNodeOnly()} view, sent on the cluster bus for every other node's edge to do the same
 * for the sessions it holds. Nothing is done twice on the producing node: the bus never returns a node's own
 * messages. The build keeps every other class from calling the edge's sending methods
 * ({@code ApplicationArchitectureTest}).
 *
 * <p>Like the edge's, every call returns at once and may be made from any thread. Counts returned are this node's
 * sessions only (the others are not waited for).
 */
public final class Desktops {

    static final ClusterTopic<DesktopOrder> TOPIC = ClusterTopic.of("desktop", DesktopOrder.class);

    private final CtiEdge edge;
    private final ClusterBus bus;
    private final boolean everyNode;

    Desktops(CtiEdge edge, ClusterBus bus, boolean everyNode) {
        this.edge = edge;
        this.bus = Objects.requireNonNull(bus, "bus");
        this.everyNode = everyNode;
    }

    /**
     * The same delivery to this node's desktops only: for consumers that run on every node with the same input (the
     * desktop feed of agent states, which every node builds from the call events it gets), where sending to the other
     * nodes too would deliver each message once per node.
     */
    public Desktops thisNodeOnly() {
        return everyNode ? new Desktops(edge, bus, false) : this;
    }

    /**
     * Whether a message could reach anyone: a desktop is open on this node, or other nodes may hold some (a bus
     * that leaves the process). Lets a producer skip building what nobody would receive.
     */
    public boolean anyoneListening() {
        boolean otherNodes =
                everyNode && !InProcessClusterBus.TRANSPORT.equals(bus.state().transport());
        return otherNodes || (edge != null && edge.sessionCount() > 0);
    }

    /** To every desktop {@code username} has open; returns how many of them are on this node. */
    public int sendToUser(String username, EdgeMessage message) {
        share(new DesktopOrder(DesktopOrder.Action.SEND, username, null, null, DesktopOrder.Message.of(message)));
        return edge == null ? 0 : edge.sendToUser(username, message);
    }

    /** To every desktop of the {@code audience}; returns how many of them are on this node. */
    public int publish(Audience audience, EdgeMessage message) {
        share(new DesktopOrder(DesktopOrder.Action.PUBLISH, null, null, audience, DesktopOrder.Message.of(message)));
        return edge == null ? 0 : edge.publish(audience.anyRole(), audience, message);
    }

    /** Sent now and to every desktop the user opens until {@link #release}; see {@link CtiEdge#retain}. */
    public int retain(String username, String key, EdgeMessage message) {
        share(new DesktopOrder(DesktopOrder.Action.RETAIN, username, key, null, DesktopOrder.Message.of(message)));
        return edge == null ? 0 : edge.retain(username, key, message);
    }

    public void release(String username, String key) {
        share(new DesktopOrder(DesktopOrder.Action.RELEASE, username, key, null, null));
        if (edge != null) {
            edge.release(username, key);
        }
    }

    /** A login ended: its sockets close on every node; see {@link CtiEdge#endLogin}. Returns those closed here. */
    public int endLogin(String username, String login) {
        share(new DesktopOrder(DesktopOrder.Action.END_LOGIN, username, login, null, null));
        return edge == null ? 0 : edge.endLogin(username, login);
    }

    /** A user was deactivated: their sockets close on every node; see {@link CtiEdge#endUser}. */
    public int endUser(String username) {
        share(new DesktopOrder(DesktopOrder.Action.END_USER, username, null, null, null));
        return edge == null ? 0 : edge.endUser(username);
    }

    /** A user was reactivated: their new tokens open sessions again on every node. */
    public void resumeUser(String username) {
        share(new DesktopOrder(DesktopOrder.Action.RESUME_USER, username, null, null, null));
        if (edge != null) {
            edge.resumeUser(username);
        }
    }

    private void share(DesktopOrder order) {
        if (everyNode) {
            bus.publish(TOPIC, order);
        }
    }

    /** Does what another node asked, on this node's edge. */
    void apply(DesktopOrder order) {
        if (edge == null) {
            return;
        }
        switch (order.action()) {
            case SEND -> edge.sendToUser(order.username(), order.message().toEdgeMessage());
            case PUBLISH ->
                edge.publish(
                        order.audience().anyRole(),
                        order.audience(),
                        order.message().toEdgeMessage());
            case RETAIN ->
                edge.retain(order.username(), order.key(), order.message().toEdgeMessage());
            case RELEASE -> edge.release(order.username(), order.key());
            case END_LOGIN -> edge.endLogin(order.username(), order.key());
            case END_USER -> edge.endUser(order.username());
            case RESUME_USER -> edge.resumeUser(order.username());
        }
    }
}
