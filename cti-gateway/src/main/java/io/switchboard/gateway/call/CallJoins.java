package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallHandles.CallHandle;
import io.switchboard.gateway.call.CallTrackerMetrics.Skip;
import io.switchboard.gateway.call.PbxEvent.AttendedTransferred;
import io.switchboard.gateway.call.PbxEvent.BlindTransferred;
import io.switchboard.gateway.call.PbxEvent.LocalPairBridged;
import java.util.List;

/**
 * Where legs and calls meet: bridges, the two halves of Local channels, blind and attended transfers. Two calls
 * that meet become one (the older survives; the other ends once).
 */
final class CallJoins {

    private final CallLedger ledger;
    private final CallTrackerMetrics metrics;
    private final CallTransfers transfers;
    private final CallProgress progress;

    CallJoins(CallLedger ledger, CallTrackerMetrics metrics, CallTransfers transfers, CallProgress progress) {
        this.ledger = ledger;
        this.metrics = metrics;
        this.transfers = transfers;
        this.progress = progress;
    }

    void bridgeEntered(Channel channel, String bridgeId, long at) {
        Channel otherCall = ledger.enterBridge(channel, bridgeId);
        if (otherCall != null) {
            join(channel.call, otherCall.call, at);
        }
        noteHandle(channel.call, ledger.bridgeMembers(bridgeId));
    }

    /** An agent's leg and the customer's channel in one bridge: the agent is on this call (for call control). */
    private void noteHandle(Call call, List<Channel> members) {
        Channel customer = null;
        Channel agentLeg = null;
        for (Channel member : members) {
            if (member.name == null || member.call != call) {
                continue;
            }
            if (member.agent == null) {
                customer = member;
            } else {
                agentLeg = member;
            }
        }
        if (customer != null && agentLeg != null) {
            ledger.handles().put(new CallHandle(call.id, agentLeg.agent, customer.name, agentLeg.name));
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

    /** Asterisk's own blind transfer (a phone's transfer key, the AMI BlindTransfer action). */
    void blindTransferred(Call call, BlindTransferred e) {
        if (call.currentAgent == null) {
            // Asterisk raises BlindTransfer on the transferer's thread and the caller's next step (QueueCallerJoin,
            // Dial) on the caller's: when the caller's step came first, it already reported this transfer
            return;
        }
        Channel transferer = ledger.channel(e.transfererUniqueid());
        String from = transferer != null && transferer.agent != null ? transferer.agent : call.currentAgent;
        transfers.blind(call, from, e.extension(), e.at());
    }

    void attendedTransferred(AttendedTransferred e) {
        Channel transferee = ledger.channel(e.transfereeUniqueid());
        if (transferee == null) {
            metrics.skipped(Skip.UNKNOWN_CHANNEL);
            return;
        }
        Call original = transferee.call;
        Channel target = ledger.channel(e.transferTargetUniqueid());
        String to;
        if (target != null) {
            if (target.call != original) {
                ledger.merge(original, target.call, e.at());
            }
            to = target.agent != null ? target.agent : target.name;
        } else {
            // Asterisk leaves the TransferTarget fields out when the agent's leg had left the consultation bridge
            // before it merged that bridge into the caller's (seen on Asterisk 22): the target is the colleague
            // this call was consulting
            to = original.consulted;
            if (to == null) {
                metrics.skipped(Skip.UNKNOWN_CHANNEL);
                return;
            }
        }
        // a "blond" transfer: completed while the colleague's phone still rings, theirs only once they answer
        boolean stillRinging = to != null && to.equals(original.consulted) && !original.consultedAnswered;
        Channel transferer = ledger.channel(e.origTransfererUniqueid());
        String from = transferer != null && transferer.agent != null ? transferer.agent : original.currentAgent;
        transfers.attended(original, from, to, e.at());
        if (from != null) {
            // the agent has left the call, though Asterisk may keep their leg up until the colleague answers
            ledger.handles().callEnded(original.id, List.of(from));
        }
        if (to != null && !stillRinging) {
            progress.answer(original, to, e.at()); // the target was on the line already: the call is theirs now
        }
    }

    private void join(Call a, Call b, long at) {
        Call older = a.startedAt <= b.startedAt ? a : b;
        ledger.merge(older, older == a ? b : a, at);
    }
}
