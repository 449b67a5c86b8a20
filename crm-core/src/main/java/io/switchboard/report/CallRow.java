package io.switchboard.report;

import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallOutcome;
import java.time.Instant;

/**
 * One call of the call history.
 *
 * @param customerNumber the caller of an inbound call, the callee of an outbound one
 * @param transferred some leg of the call ended with a transfer
 */
public record CallRow(
        long id,
        String callId,
        CallDirection direction,
        CallOutcome outcome,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        String callerNumber,
        String callerName,
        String calleeNumber,
        Long contactId,
        String contactName,
        String queue,
        String agentExtension,
        int ringSeconds,
        int waitSeconds,
        int talkSeconds,
        String disposition,
        boolean transferred) {}
