package io.switchboard.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge and its BridgeCreate/Enter/Leave/Destroy events. PBX thread only. */
final class SimBridge {

    final String id;
    final List<SimChannel> members = new ArrayList<>();
    private final ChannelEvents events;

    private SimBridge(String id, ChannelEvents events) {
        this.id = id;
        this.events = events;
    }

    static SimBridge create(SimulatedPbx pbx) {
        SimBridge bridge = new SimBridge(pbx.ids().bridgeId(), pbx.channelEvents());
        pbx.events()
                .start("BridgeCreate", EventWriter.CALL)
                .raw(bridge.block(""))
                .send();
        return bridge;
    }

    void enter(SimChannel channel, SimChannel peer) {
        members.add(channel);
        channel.bridgeId(id);
        events.cel().bridgeEnter(channel, this, peer);
        events.writer()
                .start("BridgeEnter", EventWriter.CALL)
                .raw(block(""))
                .channel(channel)
                .send();
    }

    void leave(SimChannel channel) {
        members.remove(channel);
        channel.bridgeId("");
        events.cel().bridgeExit(channel, this);
        events.writer()
                .start("BridgeLeave", EventWriter.CALL)
                .raw(block(""))
                .channel(channel)
                .send();
    }

    void destroy() {
        events.writer().start("BridgeDestroy", EventWriter.CALL).raw(block("")).send();
    }

    /** The bridge's fields; a prefix goes before "Bridge" ({@code Orig} gives {@code OrigBridgeUniqueid}). */
    byte[] block(String p) {
        String text = p + "BridgeUniqueid: " + id + "\r\n"
                + p + "BridgeType: basic\r\n"
                + p + "BridgeTechnology: simple_bridge\r\n"
                + p + "BridgeCreator: <unknown>\r\n"
                + p + "BridgeName: <unknown>\r\n"
                + p + "BridgeNumChannels: " + members.size() + "\r\n"
                + p + "BridgeVideoSourceMode: none\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
