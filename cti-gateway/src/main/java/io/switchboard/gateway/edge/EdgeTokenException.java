package io.switchboard.gateway.edge;

/** A token the edge refuses, with the reason, so that the session can be closed with a clear message. */
public final class EdgeTokenException extends RuntimeException {

    public enum Reason {
        /** Well-formed and correctly signed, but past its expiry. */
        EXPIRED,
        /** Not signed with this server's secret (or with another algorithm than HS256). */
        BAD_SIGNATURE,
        /** Not a signed JWT, or missing claims the edge needs (subject, role, expiry, id, audience). */
        MALFORMED
    }

    private final Reason reason;

    EdgeTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    EdgeTokenException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
