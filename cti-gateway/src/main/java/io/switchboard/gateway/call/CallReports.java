package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallTrackerMetrics.Skip;
import io.switchboard.gateway.call.PbxEvent.CallBegan;
import io.switchboard.gateway.call.PbxEvent.CallHungUp;
import io.switchboard.gateway.call.PbxEvent.QueueCallerAbandoned;
import io.switchboard.gateway.call.PbxEvent.QueueCallerJoined;

/**
 * What a PBX that reports whole calls rather than channels (the JSON webhook) tells the tracker: a call began with
 * its direction stated (and maybe in a queue), an agent took it, it ended. Ringing needs nothing of its own ({@link
 * CallProgress#ring}). A repeated start changes nothing: the call is neither started nor queued again.
 */
final class CallReports {

    private final CallLedger ledger;
    private final CallProgress progress;
    private final QueueBook queues;
    private final CallTrackerMetrics metrics;

    CallReports(CallLedger ledger, CallProgress progress, QueueBook queues, CallTrackerMetrics metrics) {
        this.ledger = ledger;
        this.progress = progress;
        this.queues = queues;
        this.metrics = metrics;
    }

    void began(CallBegan e) {
        if (ledger.channel(e.callId()) != null || ledger.call(e.callId()) != null) {
            metrics.skipped(Skip.DUPLICATE);
            return;
        }
        if (ledger.endedRecently(e.callId())) {
            metrics.skipped(Skip.AFTER_END);
            return;
        }
        Call call = ledger.addReportedCall(
                e.at(), e.callId(), e.direction(), Party.of(e.callerNumber(), e.callerName()), Party.clean(e.callee()));
        if (e.queue() != null) {
            // position 0: the PBX does not say, so the caller is last in line
            progress.queueJoined(call, new QueueCallerJoined(e.at(), e.callId(), e.queue(), 0));
        }
    }

    void answered(Call call, String agent, long at) {
        if (call.queue != null && !call.answered()) {
            queues.leave(call.queue, call.id, at);
        }
        progress.answer(call, agent, at);
    }

    void hungUp(Channel channel, CallHungUp e) {
        Call call = channel.call;
        if (call.queue != null && !call.answered()) {
            long held = CallEnding.seconds(e.at() - call.queuedAt);
            progress.abandoned(
                    call, new QueueCallerAbandoned(e.at(), channel.uniqueid, call.queue, call.queuePosition, held));
        }
        call.recordHangupCause(channel, e.cause(), e.causeText());
        ledger.endCall(call, e.at(), false);
    }
}
