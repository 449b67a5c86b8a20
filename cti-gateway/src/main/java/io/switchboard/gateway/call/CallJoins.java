package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.CallTransferred;
import io.switchboard.gateway.call.CallEvent.TransferKind;
import io.switchboard.gateway.call.CallTrackerMetrics.Skip;
import io.switchboard.gateway.call.PbxEvent.AttendedTransferred;
import io.switchboard.gateway.call.PbxEvent.BlindTransferred;
import io.switchboard.gateway.call.PbxEvent.LocalPairBridged;
import java.time.Instant;

/**
 * Where legs and calls meet: bridges, the two halves of Local channels, blind and attended transfers. Two calls
 * that meet become one (the older survives; the other ends once).
 */
final class CallJoins {

    private final CallLedger ledger;
    private final CallEventSink sink;
    private final CallTrackerMetrics metrics;

    CallJoins(CallLedger ledger, CallEventSink sink, CallTrackerMetrics metrics) {
        this.ledger = ledger;
        this.sink = sink;
        this.metrics = metrics;
    }

    void bridgeEntered(Channel channel, String bridgeId, long at) {
        Channel otherCall = ledger.enterBridge(channel, bridgeId);
        if (otherCall != null) {
            join(channel.call, otherCall.call, at);
        }
    }

    void bridgeLeft(Channel channel, String bridgeId) {
        if (bridgeId.equals(channel.bridgeId)) {
            ledger.leaveBridge(channel);
        }
    }

    /**
     * The two halves of a Local channel are one leg. They normally share the call's Linkedid; when they do not
     * (a Local channel originated on its own, then bridged to a call), the pair joins the two calls.
     */
    void localPairBridged(LocalPairBridged e) {
        Channel one = ledger.channel(e.oneUniqueid());
        Channel two = ledger.channel(e.twoUniqueid());
        if (one == null || two == null) {
            metrics.skipped(Skip.UNKNOWN_CHANNEL);
            return;
        }
        if (one.call != two.call) {
            join(one.call, two.call, e.at());
        }
    }

    void blindTransferred(Call call, BlindTransferred e) {
        Channel transferer = ledger.channel(e.transfererUniqueid());
        String from = transferer != null && transferer.agent != null ? transferer.agent : call.currentAgent;
        call.currentAgent = null; // until the target answers
        sink.publish(
                new CallTransferred(call.id, Instant.ofEpochMilli(e.at()), from, e.extension(), TransferKind.BLIND));
    }

    void attendedTransferred(AttendedTransferred e) {
        Channel transferee = ledger.channel(e.transfereeUniqueid());
        Channel target = ledger.channel(e.transferTargetUniqueid());
        if (transferee == null || target == null) {
            metrics.skipped(Skip.UNKNOWN_CHANNEL);
            return;
        }
        Call original = transferee.call;
        Channel transferer = ledger.channel(e.origTransfererUniqueid());
        String from = transferer != null && transferer.agent != null ? transferer.agent : original.currentAgent;
        if (target.call != original) {
            ledger.merge(original, target.call, e.at());
        }
        String to = target.agent != null ? target.agent : target.name;
        original.currentAgent = to;
        sink.publish(new CallTransferred(original.id, Instant.ofEpochMilli(e.at()), from, to, TransferKind.ATTENDED));
    }

    private void join(Call a, Call b, long at) {
        Call older = a.startedAt <= b.startedAt ? a : b;
        ledger.merge(older, older == a ? b : a, at);
    }
}
