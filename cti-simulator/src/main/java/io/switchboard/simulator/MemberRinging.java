package io.switchboard.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * How a queue rings its members for a {@link QueueCall}: the member's Local pair is dialled (LocalBridge,
 * AgentCalled, DialBegin), the simulated phone starts ringing, and the ringing state is reported back
 * (QueueMemberStatus, DialState RINGING).
 */
final class MemberRinging {

    private final QueueCall call;

    MemberRinging(QueueCall call) {
        this.call = call;
    }

    /** The queue rings member {@code extension}; its phone will answer after {@code ringSeconds} (or never). */
    AgentLeg ring(String extension, double ringSeconds, double talkSeconds) {
        AgentLeg leg = dialMember(extension, ringSeconds, talkSeconds);
        phoneRings(leg);
        reportRinging(leg);
        return leg;
    }

    /**
     * Rings several members at once (ring-all). Asterisk reports each member's dial first, then the phones'
     * dialplans, then the ringing states, the last dialled first, as in ringall_answered.ami.
     */
    List<AgentLeg> ringAll(List<String> extensions, String answering, double ringSeconds, double talkSeconds) {
        List<AgentLeg> legs = new ArrayList<>();
        for (String extension : extensions) {
            legs.add(dialMember(extension, extension.equals(answering) ? ringSeconds : AgentLeg.NEVER, talkSeconds));
        }
        legs.forEach(this::phoneRings);
        for (int i = legs.size() - 1; i >= 0; i--) {
            reportRinging(legs.get(i));
        }
        return legs;
    }

    /** The member's Local pair appears and the queue dials it: LocalBridge, AgentCalled, DialBegin. */
    private AgentLeg dialMember(String extension, double ringSeconds, double talkSeconds) {
        AgentLeg leg =
                AgentLeg.open(call.pbx, extension, call.callerChannel.linkedid(), ringSeconds, talkSeconds, call.noisy);
        call.track(leg.one);
        call.track(leg.two);
        SimChannel one = leg.one;
        SimChannel two = leg.two;
        String dialString = AgentLeg.memberInterface(extension);
        one.callerId(call.caller.did(), SimChannel.UNKNOWN).application("AppQueue", "(Outgoing Line)");
        if (call.noisy) {
            call.events.newExten(one, 1, "AppQueue", "(Outgoing Line)");
        }
        call.events.newCallerid(one);
        if (call.noisy) {
            call.events.varSet(one, "DIALEDPEERNUMBER", dialString.substring("Local/".length()));
            call.events.varSet(two, "DIALEDPEERNUMBER", dialString.substring("Local/".length()));
        }
        two.callerId(call.caller.number(), call.caller.name()).connectedLine(call.caller.did(), SimChannel.UNKNOWN);
        call.events.newCallerid(two);
        call.events.newConnectedLine(two);
        call.events.localBridge(one, two, AgentLeg.CONTEXT, extension, false);
        // AgentCalled already shows the connected line and exten the queue set; DialBegin's snapshot is older.
        byte[] dialBeginSnapshot = one.block("Dest");
        one.connectedLine(call.caller.number(), call.caller.name()).dialplan(AgentLeg.CONTEXT, call.caller.did(), 1);
        call.queueEvents.agentCalled(call.callerChannel, one, call.member(extension));
        call.events.dialBegin(call.callerChannel, dialBeginSnapshot, dialString);
        call.ringing.add(leg);
        return leg;
    }

    /** The simulated phone runs its dialplan and signals ringing back through the Local pair. */
    private void phoneRings(AgentLeg leg) {
        call.phone.startRinging(leg);
        call.events.newState(leg.one, ChannelState.RINGING);
        if (call.noisy) {
            call.events.newExten(leg.one, 1, "AppQueue", "(Outgoing Line)");
        }
        call.events.newConnectedLine(leg.one);
        call.phone.waitToAnswer(leg);
    }

    private void reportRinging(AgentLeg leg) {
        call.queueEvents.agentDevice(leg.extension, SimMember.RINGING, false);
        call.events.deviceState(AgentLeg.localDevice(leg.extension), "INUSE");
        call.events.dialState(call.callerChannel, leg.one, "RINGING");
    }
}
