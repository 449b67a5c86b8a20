package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.CallTransferred;
import io.switchboard.gateway.call.CallEvent.TransferKind;
import java.time.Instant;

/**
 * A call moving from one agent to another target. Asterisk reports a phone's own transfers ({@code BlindTransfer},
 * {@code AttendedTransfer}), but not an AMI {@code Redirect}: the caller's channel just leaves the agent's bridge and
 * joins another queue or dials another extension. Either way the agent's leg of the path ends here and the next
 * one is filled in by the target (queue joined, agent answering).
 */
final class CallTransfers {

    private final CallEventSink sink;

    CallTransfers(CallEventSink sink) {
        this.sink = sink;
    }

    /** The agent gave the call away to {@code target} (a queue or an extension), which has not answered yet. */
    void blind(Call call, String from, String target, long at) {
        call.path().transferred(at);
        call.currentAgent = null; // until the target answers
        sink.publish(new CallTransferred(call.id, Instant.ofEpochMilli(at), from, target, TransferKind.BLIND));
    }

    /** The agent put the caller through to {@code to}, who they were talking to already. */
    void attended(Call call, String from, String to, long at) {
        call.path().transferred(at);
        call.currentAgent = null; // the caller of this method answers for the target next
        call.consulted = null;
        call.consultedAnswered = false;
        sink.publish(new CallTransferred(call.id, Instant.ofEpochMilli(at), from, to, TransferKind.ATTENDED));
    }
}
