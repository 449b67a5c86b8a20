package io.switchboard.gateway.edge;

import java.time.Instant;

/**
 * A signed token that opens one CTI edge session, as handed to the browser by {@code POST /api/v1/cti/token}.
 *
 * @param value the compact JWT
 * @param expiresAt the moment after which the edge refuses it
 */
public record EdgeToken(String value, Instant expiresAt) {

    @Override
    public String toString() {
        // The value is a credential: keep it out of logs.
        return "EdgeToken[expiresAt=" + expiresAt + "]";
    }
}
