package io.switchboard.gateway.call;

public enum CallDirection {
    /** From outside (a trunk) to the contact centre. */
    INBOUND,
    /** From an agent (click-to-dial, a campaign) to an outside number. */
    OUTBOUND,
    /** Between extensions, for example a consultation before an attended transfer. */
    INTERNAL
}
