package io.switchboard.contact.external;

/** What became of asking the external CRM about a caller. */
public enum ExternalStatus {
    /** No external CRM is configured (the default): nothing was asked. */
    NOT_CONFIGURED,
    /** The caller was not looked up: withheld or missing caller id, an internal extension, or no valid number. */
    NOT_LOOKED_UP,
    /** The external CRM answered with at least one record. */
    FOUND,
    /** The external CRM answered that it has no record (HTTP 404 or no records). */
    NOT_FOUND,
    /** The external CRM did not answer usefully in time; see {@link UnavailableReason}. */
    UNAVAILABLE
}
