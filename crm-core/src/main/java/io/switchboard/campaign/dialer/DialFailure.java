package io.switchboard.campaign.dialer;

import io.switchboard.gateway.call.PbxCommandException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * What a failed originate says about the PBX, which decides what becomes of its attempt: a call that was never
 * asked for is given back and dialled once by whichever dialer comes next; a refusal is an honest {@code FAILED}
 * for the campaign's retry rules; and a request that may have reached the PBX is never repeated blindly, its
 * call's tag ({@code SWITCHBOARD_ATTEMPT}) decides.
 *
 * <p>The gateway reports these cases as {@link PbxCommandException}s with the PBX's reason, on this node or relayed
 * from the link's owner with the same message; the wording read here is {@code AmiPbxCommands}' and
 * {@code PbxNotOwnedException}'s and {@code PbxRelay}'s ({@code DialFailureTest} holds the two together).
 */
enum DialFailure {
    /** Never sent to the PBX (the link was down or not this node's, the node was stopping): dial it again. */
    NOT_SENT,
    /** The PBX refused it (or its arguments): no call exists; the attempt ends as failed. */
    REFUSED,
    /** Sent, or perhaps sent, and no answer came: the PBX may be dialling. */
    UNKNOWN;

    static DialFailure of(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof IllegalArgumentException) {
            return REFUSED;
        }
        if (cause instanceof RejectedExecutionException) {
            return NOT_SENT;
        }
        if (!(cause instanceof PbxCommandException)) {
            return UNKNOWN;
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (message.contains("refused by the PBX")) {
            return REFUSED;
        }
        if (message.contains("was not sent")
                || message.contains("could not be sent")
                || message.contains("No PBX is connected")) {
            return NOT_SENT;
        }
        // a relayed command no owner answered (a PbxNotOwnedException with a wait), no response from the PBX in time,
        // a link that dropped before the response: the originate may be at the PBX
        return UNKNOWN;
    }
}
