package io.switchboard.gateway.call;

/** Asterisk's queue member device status (the numeric {@code Status} field of queue member events). */
public enum MemberStatus {
    UNKNOWN,
    NOT_INUSE,
    INUSE,
    BUSY,
    INVALID,
    UNAVAILABLE,
    RINGING,
    RINGINUSE,
    ONHOLD;

    public static MemberStatus fromCode(Integer code) {
        if (code == null || code < 0 || code >= values().length) {
            return UNKNOWN;
        }
        return values()[code];
    }
}
