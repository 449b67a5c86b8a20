package io.switchboard.gateway.call;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which call each agent is on and the PBX channels a command needs to act on it (call control: transfer, hang up).
 * Written by the tracker thread when an agent's leg and the customer's channel meet in a bridge, read by any
 * thread. An agent keeps their handle while they consult a colleague (their leg has left the customer's bridge),
 * and loses it when their leg hangs up or the call ends.
 */
public final class CallHandles {

    /**
     * @param customerChannel the other party's channel (the caller of an inbound call, the customer of an outbound
     *     one): what a blind transfer redirects and a hang-up ends
     * @param agentChannel the agent's leg in the customer's bridge: what an attended transfer starts from
     */
    public record CallHandle(String callId, String agent, String customerChannel, String agentChannel) {}

    private final ConcurrentHashMap<String, CallHandle> byAgent = new ConcurrentHashMap<>();
    private final String pbx;

    /** The handles of the default PBX's calls. */
    public CallHandles() {
        this(PbxCallIds.DEFAULT_PBX);
    }

    /** The handles of one PBX's calls: their call ids are the ones the rest of Switchboard knows ({@link PbxCallIds}). */
    public CallHandles(String pbx) {
        this.pbx = pbx;
    }

    public Optional<CallHandle> ofAgent(String agent) {
        return agent == null ? Optional.empty() : Optional.ofNullable(byAgent.get(agent));
    }

    void put(CallHandle handle) {
        byAgent.put(
                handle.agent(),
                new CallHandle(
                        PbxCallIds.callId(pbx, handle.callId()),
                        handle.agent(),
                        handle.customerChannel(),
                        handle.agentChannel()));
    }

    /** The agent's leg (this channel) is gone. */
    void agentLegGone(String agent, String agentChannel) {
        byAgent.computeIfPresent(agent, (a, h) -> h.agentChannel().equals(agentChannel) ? null : h);
    }

    /** The call is over: none of its agents is on it any more, whichever leg the PBX reported last. */
    void callEnded(String linkedid, Iterable<String> agents) {
        String callId = PbxCallIds.callId(pbx, linkedid);
        for (String agent : agents) {
            if (agent != null) {
                byAgent.computeIfPresent(agent, (a, h) -> h.callId().equals(callId) ? null : h);
            }
        }
    }
}
