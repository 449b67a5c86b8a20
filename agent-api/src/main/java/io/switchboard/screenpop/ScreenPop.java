package io.switchboard.screenpop;

import io.switchboard.contact.CallerContext;
import io.switchboard.gateway.call.CallDirection;
import java.time.Instant;

/**
 * What an agent's desktop shows while their phone rings.
 *
 * @param context the matched contacts with their accounts, recent calls and other modules' sections
 * @param newContact for a caller no contact matched: the form to create one, the number filled in; otherwise
 *     {@code null}
 */
public record ScreenPop(
        String callId,
        Instant ringingAt,
        CallDirection direction,
        String callerNumber,
        String callerName,
        String callee,
        String queue,
        long waitSeconds,
        CallerContext context,
        NewContactOffer newContact) {

    /** The contact a desktop offers to create for an unknown caller. */
    public record NewContactOffer(String name, String phone) {}
}
