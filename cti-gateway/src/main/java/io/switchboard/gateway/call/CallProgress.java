package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.CallAbandoned;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallQueued;
import io.switchboard.gateway.call.CallEvent.RingStopReason;
import io.switchboard.gateway.call.CallTrackerMetrics.Skip;
import io.switchboard.gateway.call.PbxEvent.DialBegan;
import io.switchboard.gateway.call.PbxEvent.DialEnded;
import io.switchboard.gateway.call.PbxEvent.QueueAgentCompleted;
import io.switchboard.gateway.call.PbxEvent.QueueAgentConnected;
import io.switchboard.gateway.call.PbxEvent.QueueCallerAbandoned;
import io.switchboard.gateway.call.PbxEvent.QueueCallerJoined;
import java.time.Instant;

/** A call's way from ringing to talking: queue legs, agents' phones ringing, dialling out, answering. */
final class CallProgress {

    private final CallLedger ledger;
    private final CallEventSink sink;
    private final QueueBook queues;
    private final CallTrackerMetrics metrics;
    private final CallTransfers transfers;

    CallProgress(
            CallLedger ledger,
            CallEventSink sink,
            QueueBook queues,
            CallTrackerMetrics metrics,
            CallTransfers transfers) {
        this.ledger = ledger;
        this.sink = sink;
        this.queues = queues;
        this.metrics = metrics;
        this.transfers = transfers;
    }

    void queueJoined(Call call, QueueCallerJoined e) {
        String queue = ledger.intern(e.queue());
        if (call.currentAgent != null && call.answered()) {
            // an agent's caller joins a queue: a blind transfer by AMI Redirect, which Asterisk does not report
            transfers.blind(call, call.currentAgent, queue, e.at());
        }
        call.path().queued(queue, e.at());
        call.queue = queue;
        call.queuedAt = e.at();
        // a PBX that does not report positions (0) puts the caller last in line
        call.queuePosition = e.position() > 0 ? e.position() : queues.waiting(call.queue) + 1;
        ledger.emitStarted(call);
        sink.publish(
                new CallQueued(call.id, Instant.ofEpochMilli(e.at()), call.queue, call.queuePosition, call.caller));
        queues.join(call.queue, call.id, e.at(), e.at());
    }

    void queueLeft(Call call, String queue, long at) {
        queues.leave(queue, call.id, at);
        if (!call.answered()) {
            ledger.stopAllRinging(call, RingStopReason.CALLER_LEFT, at);
        }
    }

    void abandoned(Call call, QueueCallerAbandoned e) {
        if (call.abandoned) {
            metrics.skipped(Skip.DUPLICATE);
            return;
        }
        call.abandoned = true;
        call.waitSeconds = e.holdSeconds();
        sink.publish(new CallAbandoned(
                call.id, Instant.ofEpochMilli(e.at()), e.queue(), e.originalPosition(), e.holdSeconds()));
        queueLeft(call, e.queue(), e.at());
    }

    void agentConnected(Call call, QueueAgentConnected e) {
        if (call.waitSeconds < 0) {
            // the caller's wait and ring are the first queue's; a transferred call's next queue adds talk
            call.waitSeconds = e.holdSeconds();
            call.ringSeconds = e.ringSeconds();
        }
        answer(call, ledger.member(e.memberInterface()), e.at());
    }

    void agentCompleted(Call call, QueueAgentCompleted e) {
        // the queue's talk time is that agent's; after a transfer the call's own clock is the one to trust
        if (call.answeredBy != null && call.answeredBy.equals(call.currentAgent)) {
            call.talkSeconds = e.talkSeconds();
        }
    }

    void ring(Call call, String agent, long at) {
        if (call.isRinging(agent) || agent.equals(call.currentAgent)) {
            metrics.skipped(Skip.DUPLICATE);
            return;
        }
        ledger.emitStarted(call);
        call.addRinging(agent, at);
        long waited = CallEnding.seconds(at - (call.queue != null ? call.queuedAt : call.startedAt));
        sink.publish(new AgentRinging(
                call.id,
                Instant.ofEpochMilli(at),
                agent,
                call.queue,
                call.direction,
                call.caller,
                call.callee,
                waited));
    }

    void answer(Call call, String agent, long at) {
        if (agent.equals(call.currentAgent)) {
            return;
        }
        if (!call.answered()) {
            call.answeredBy = agent;
            call.answeredAt = at;
            if (call.ringSeconds < 0 && call.isRinging(agent)) {
                // no queue reported the ring time: it is how long this agent's phone rang
                call.ringSeconds = CallEnding.seconds(at - call.ringingSince(agent));
            }
        }
        call.currentAgent = agent;
        call.path().answered(agent, at);
        call.removeRinging(agent);
        ledger.stopAllRinging(call, RingStopReason.ANSWERED_ELSEWHERE, at);
        ledger.emitStarted(call);
        sink.publish(new CallAnswered(
                call.id, Instant.ofEpochMilli(at), agent, call.queue, CallEnding.waitSeconds(call, at)));
    }

    void dialBegan(DialBegan e) {
        Channel dest = ledger.channel(e.destUniqueid());
        if (dest == null) {
            metrics.skipped(Skip.UNKNOWN_CHANNEL);
            return;
        }
        if (e.uniqueid() == null) {
            return; // the PBX rings an agent's own phone for a click-to-dial: no pop for one's own call
        }
        Call call = dest.call;
        if (dest.agent != null) {
            ringFromCall(call, ledger.channel(e.uniqueid()), dest.agent, e.at());
        } else if (call.direction != CallDirection.INBOUND) {
            String number = e.destNumber() != null ? e.destNumber() : e.destExten();
            if (ledger.isExternalNumber(number)) {
                call.direction = CallDirection.OUTBOUND;
                call.callee = number;
                ledger.emitStarted(call);
            }
        }
    }

    /**
     * An agent's phone is dialled from a call that another agent holds: either that agent consults a colleague
     * (an attended transfer's consultation leg, a Local channel named after the target, dials them) or the caller's
     * own channel was redirected to the extension (a blind transfer Asterisk does not report).
     */
    private void ringFromCall(Call call, Channel source, String agent, long at) {
        if (call.answered() && call.currentAgent != null && !agent.equals(call.currentAgent)) {
            if (source != null && source.agent != null) {
                call.consulted = agent;
                call.consultedAnswered = false;
            } else {
                transfers.blind(call, call.currentAgent, agent, at);
            }
        }
        ring(call, agent, at);
    }

    void dialEnded(DialEnded e) {
        Channel dest = ledger.channel(e.destUniqueid());
        if (dest == null) {
            metrics.skipped(Skip.UNKNOWN_CHANNEL);
            return;
        }
        if (e.uniqueid() == null) {
            return; // the agent's own phone answering a click-to-dial is not the call being answered
        }
        Call call = dest.call;
        String status = e.dialStatus() == null ? "" : e.dialStatus();
        if (dest.agent != null) {
            agentDialEnded(call, dest.agent, status, e.at());
            return;
        }
        call.dialStatus = status;
        if (call.customerFirst) {
            // the customer answered the PBX: nobody is on the call yet, the queue will find the agent
            call.customerAnswered |= "ANSWER".equals(status);
            return;
        }
        if ("ANSWER".equals(status)) {
            String agent = call.originAgent != null ? call.originAgent : call.caller.number();
            answer(call, agent != null ? agent : "unknown", e.at());
        }
    }

    private void agentDialEnded(Call call, String agent, String status, long at) {
        if (agent.equals(call.consulted)) {
            if ("ANSWER".equals(status)) {
                call.consultedAnswered = true;
            } else {
                call.consulted = null;
                ledger.stopRinging(call, agent, RingStopReason.NO_ANSWER, at);
            }
            return; // a consultation answered: the call is theirs only once the transfer completes
        }
        if ("ANSWER".equals(status)) {
            answer(call, agent, at);
            return;
        }
        RingStopReason reason = call.answered()
                ? RingStopReason.ANSWERED_ELSEWHERE
                : "CANCEL".equals(status) ? RingStopReason.CALLER_LEFT : RingStopReason.NO_ANSWER;
        ledger.stopRinging(call, agent, reason, at);
    }
}
