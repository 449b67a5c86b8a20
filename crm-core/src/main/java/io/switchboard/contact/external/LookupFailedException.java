package io.switchboard.contact.external;

/**
 * The external CRM gave no usable answer. It is an expected outcome, reported in one log line, so it carries no
 * stack trace.
 */
final class LookupFailedException extends RuntimeException {

    private final UnavailableReason reason;

    LookupFailedException(UnavailableReason reason, String detail) {
        this(reason, detail, null);
    }

    /** @param cause kept only for failures nobody expected ({@link UnavailableReason#CONNECTOR_ERROR}) */
    LookupFailedException(UnavailableReason reason, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.reason = reason;
    }

    UnavailableReason reason() {
        return reason;
    }
}
