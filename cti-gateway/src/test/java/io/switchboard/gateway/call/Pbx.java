package io.switchboard.gateway.call;

import io.switchboard.gateway.call.PbxEvent.*;

/**
 * Builds PBX events for tracker tests with a clock that advances by hand, shaped like Asterisk 22's events in
 * the recorded traces (an IAX2 trunk, queue members as Local channel pairs).
 */
final class Pbx {

    long now = 1_795_388_136_000L;
    private int next;

    String id() {
        return "1795388136." + next++;
    }

    Pbx advance(long seconds) {
        now += seconds * 1000;
        return this;
    }

    ChannelCreated trunkCall(String uniqueid, String from, String name, String did) {
        return new ChannelCreated(
                now,
                uniqueid,
                uniqueid,
                "IAX2/carrier-" + uniqueid.hashCode() % 10000,
                from,
                name,
                "from-trunk",
                did,
                false);
    }

    ChannelCreated channel(String uniqueid, String linkedid, String name, String context, String exten) {
        return new ChannelCreated(now, uniqueid, linkedid, name, null, null, context, exten, false);
    }

    ChannelCreated agentLeg(String uniqueid, String linkedid, String agent, int half) {
        return channel(
                uniqueid,
                linkedid,
                "Local/" + agent + "@agent-sim-0000" + linkedid.hashCode() % 1000 + ";" + half,
                "agent-sim",
                agent);
    }

    QueueCallerJoined join(String caller, String queue) {
        return new QueueCallerJoined(now, caller, queue, 1);
    }

    QueueAgentCalled agentCalled(String caller, String queue, String agent, String dest) {
        return new QueueAgentCalled(now, caller, queue, "Local/" + agent + "@agent-sim/n", dest);
    }

    DialBegan dial(String caller, String dest, String exten) {
        return new DialBegan(now, caller, dest, exten, exten);
    }

    DialEnded dialEnd(String caller, String dest, String status) {
        return new DialEnded(now, caller, dest, status);
    }

    QueueAgentConnected connect(String caller, String queue, String agent, long hold, long ring) {
        return new QueueAgentConnected(now, caller, queue, "Local/" + agent + "@agent-sim/n", hold, ring);
    }

    QueueAgentCompleted complete(String caller, String queue, String agent, long talk) {
        return new QueueAgentCompleted(now, caller, queue, "Local/" + agent + "@agent-sim/n", talk);
    }

    QueueCallerLeft leave(String caller, String queue) {
        return new QueueCallerLeft(now, caller, queue);
    }

    ChannelHungUp hangup(String uniqueid, int cause) {
        return new ChannelHungUp(now, uniqueid, cause, cause == 17 ? "User busy" : "Normal Clearing");
    }

    ChannelListed listed(
            String uniqueid,
            String linkedid,
            String name,
            String context,
            String exten,
            boolean up,
            long duration,
            String bridge) {
        return listed(uniqueid, linkedid, name, context, exten, up, duration, bridge, null);
    }

    ChannelListed listed(
            String uniqueid,
            String linkedid,
            String name,
            String context,
            String exten,
            boolean up,
            long duration,
            String bridge,
            String queue) {
        return new ChannelListed(
                now, uniqueid, linkedid, name, null, null, context, exten, up, duration, bridge, queue);
    }
}
