package io.switchboard.simulator;

/** Queue events (app_queue's): caller join/leave/abandon, agent called/connect/complete, member changes. */
final class QueueEvents {

    private final SimulatedPbx pbx;
    private final EventWriter events;

    QueueEvents(SimulatedPbx pbx, EventWriter events) {
        this.pbx = pbx;
        this.events = events;
    }

    void callerJoin(SimChannel caller, SimQueue queue, int position) {
        events.start("QueueCallerJoin", EventWriter.AGENT)
                .channel(caller)
                .field("Queue", queue.name)
                .field("Position", position)
                .field("Count", queue.waiting.size())
                .send();
    }

    void callerLeave(SimChannel caller, SimQueue queue, int position) {
        events.start("QueueCallerLeave", EventWriter.AGENT)
                .channel(caller)
                .field("Queue", queue.name)
                .field("Position", position)
                .field("Count", queue.waiting.size())
                .send();
    }

    void callerAbandon(SimChannel caller, SimQueue queue, int position, int originalPosition, long holdSeconds) {
        events.start("QueueCallerAbandon", EventWriter.AGENT)
                .channel(caller)
                .field("Queue", queue.name)
                .field("Position", position)
                .field("OriginalPosition", originalPosition)
                .field("HoldTime", holdSeconds)
                .send();
    }

    void agentCalled(SimChannel caller, SimChannel agentLeg, SimMember member) {
        agentEvent("AgentCalled", caller, agentLeg, member).send();
    }

    void agentRingNoAnswer(SimChannel caller, SimChannel agentLeg, SimMember member, long ringMillis) {
        agentEvent("AgentRingNoAnswer", caller, agentLeg, member)
                .field("RingTime", ringMillis)
                .send();
    }

    void agentConnect(SimChannel caller, SimChannel agentLeg, SimMember member, long holdSeconds, long ringSeconds) {
        agentEvent("AgentConnect", caller, agentLeg, member)
                .field("HoldTime", holdSeconds)
                .field("RingTime", ringSeconds)
                .send();
    }

    void agentComplete(
            SimChannel caller,
            SimChannel agentLeg,
            SimMember member,
            long holdSeconds,
            long talkSeconds,
            String reason) {
        agentEvent("AgentComplete", caller, agentLeg, member)
                .field("HoldTime", holdSeconds)
                .field("TalkTime", talkSeconds)
                .field("Reason", reason)
                .send();
    }

    /**
     * The late AgentComplete of a queue whose caller was redirected away: no agent leg any more, and no caller
     * fields either once the caller's channel has gone ({@code caller} null).
     */
    void agentCompleteAfterRedirect(SimChannel caller, SimMember member, long holdSeconds, long talkSeconds) {
        EventWriter writer = events.start("AgentComplete", EventWriter.AGENT);
        if (caller != null) {
            writer.channel(caller);
        }
        writer.field("Queue", member.queue)
                .field("Interface", member.iface)
                .field("MemberName", member.name)
                .field("HoldTime", holdSeconds)
                .field("TalkTime", talkSeconds)
                .field("Reason", "caller")
                .send();
    }

    private EventWriter agentEvent(String name, SimChannel caller, SimChannel agentLeg, SimMember member) {
        return events.start(name, EventWriter.AGENT)
                .channel(caller)
                .dest(agentLeg)
                .field("Queue", member.queue)
                .field("Interface", member.iface)
                .field("MemberName", member.name);
    }

    /**
     * The agent's phone changed state: every queue the agent is a member of reports it, as app_queue does for a
     * member's state interface.
     */
    void agentDevice(String extension, int status, boolean inCall) {
        for (SimQueue queue : pbx.queues()) {
            queue.member(extension).ifPresent(member -> {
                boolean wasAvailable = member.available();
                member.status = status;
                member.inCall = inCall;
                memberEvent("QueueMemberStatus", member);
                reportAvailability(queue, member, wasAvailable);
            });
        }
    }

    /** A member was paused or unpaused. */
    void pauseChanged(SimQueue queue, SimMember member, boolean wasAvailable) {
        memberEvent("QueueMemberPause", member);
        reportAvailability(queue, member, wasAvailable);
    }

    private void reportAvailability(SimQueue queue, SimMember member, boolean wasAvailable) {
        if (queue.availabilityChanged(member, wasAvailable)) {
            pbx.channelEvents()
                    .deviceState("Queue:" + queue.name + "_avail", queue.hasAvailableMember() ? "NOT_INUSE" : "INUSE");
        }
    }

    /** An agent finished a queue call: its member of {@code queue} counts it. */
    void callTaken(SimQueue queue, String extension) {
        queue.member(extension).ifPresent(member -> {
            member.callsTaken++;
            member.lastCallSeconds = pbx.clock().cursorMicros() / 1_000_000;
        });
    }

    void memberEvent(String name, SimMember member) {
        EventWriter event = events.start(name, EventWriter.AGENT);
        member.writeTo(event);
        event.send();
    }
}
