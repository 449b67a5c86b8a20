package io.switchboard.contact.external;

/** Why the external CRM gave no usable answer, so the pop can tell the agent it did not answer. */
public enum UnavailableReason {
    /** No answer within the read timeout (or the pop's deadline). */
    TIMEOUT,
    /** Too many recent lookups failed; the circuit breaker turns lookups away for a while. */
    CIRCUIT_OPEN,
    /** It answered with an HTTP status other than 2xx or 404. */
    HTTP_STATUS,
    /** Its answer was not JSON, was too large, or did not have the configured shape. */
    MALFORMED_RESPONSE,
    /** It could not be reached (connection refused or reset, unknown host, TLS failure). */
    CONNECTION_FAILED,
    /** Every lookup slot was taken by earlier lookups still waiting for it. */
    BUSY,
    /** The connector itself failed unexpectedly (logged with its stack trace). */
    CONNECTOR_ERROR
}
