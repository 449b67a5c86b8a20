package io.switchboard.gateway.call;

import io.switchboard.gateway.call.CallEvent.CallTagged;
import io.switchboard.gateway.call.CallEvent.OriginateFailed;
import io.switchboard.gateway.call.PbxEvent.OriginateResponded;
import io.switchboard.gateway.call.PbxEvent.VariableSet;
import java.time.Instant;

/**
 * What a dialler learns of the calls it places: the variables it (or answering machine detection) set on them, and
 * the originates the PBX could not place.
 */
final class OriginatedCalls {

    private final CallLedger ledger;
    private final CallEventSink sink;

    OriginatedCalls(CallLedger ledger, CallEventSink sink) {
        this.ledger = ledger;
        this.sink = sink;
    }

    void variableSet(Call call, VariableSet e) {
        ledger.tag(call, new CallTagged(call.id, Instant.ofEpochMilli(e.at()), e.name(), e.value()));
    }

    void responded(OriginateResponded e) {
        if (!e.success()) {
            sink.publish(new OriginateFailed(
                    e.actionId(), Instant.ofEpochMilli(e.at()), reasonText(e.reason()), outcomeOf(e.reason())));
        }
    }

    /** Asterisk's originate reasons are the last control frame the channel saw (AST_CONTROL_*). */
    static CallOutcome outcomeOf(int reason) {
        return switch (reason) {
            case 5 -> CallOutcome.BUSY;
            case 3 -> CallOutcome.NO_ANSWER;
            default -> CallOutcome.FAILED;
        };
    }

    static String reasonText(int reason) {
        return switch (reason) {
            case 0 -> "failed (0)";
            case 1 -> "hung up (1)";
            case 3 -> "no answer (3)";
            case 5 -> "busy (5)";
            case 8 -> "congestion (8)";
            default -> "failed (" + reason + ")";
        };
    }
}
