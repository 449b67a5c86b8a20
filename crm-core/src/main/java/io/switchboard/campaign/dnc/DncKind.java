package io.switchboard.campaign.dnc;

/** What a do-not-call entry matches. */
public enum DncKind {
    /** One E.164 number. */
    NUMBER,
    /** Every E.164 number starting with it ({@code +1900}). */
    PREFIX
}
