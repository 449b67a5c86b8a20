package io.switchboard.gateway.edge;

/** Why a session's token was refused: the metric tag and the close reason the client reads. */
enum AuthFailure {
    MISSING("missing", "token missing"),
    EXPIRED("expired", "token expired"),
    BAD_SIGNATURE("bad-signature", "invalid token"),
    MALFORMED("malformed", "invalid token"),
    REUSED("reused", "token already used"),
    /** Issued in a login that has ended since: the user logged out, or the login session expired. */
    REVOKED("revoked", "logged out");

    private final String tag;
    private final String closeText;

    AuthFailure(String tag, String closeText) {
        this.tag = tag;
        this.closeText = closeText;
    }

    String tag() {
        return tag;
    }

    String closeText() {
        return closeText;
    }

    static AuthFailure of(EdgeTokenException.Reason reason) {
        return switch (reason) {
            case EXPIRED -> EXPIRED;
            case BAD_SIGNATURE -> BAD_SIGNATURE;
            case MALFORMED -> MALFORMED;
        };
    }
}
