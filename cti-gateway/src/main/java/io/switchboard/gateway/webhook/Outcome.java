package io.switchboard.gateway.webhook;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;

/** How the webhook answered a request: the HTTP status, and the {@code result} tag it is counted under. */
enum Outcome {
    ACCEPTED(HttpResponseStatus.ACCEPTED),
    /** An event id seen before: acknowledged so the PBX stops retrying, and otherwise ignored. */
    DUPLICATE(HttpResponseStatus.OK),
    UNAUTHORIZED(HttpResponseStatus.UNAUTHORIZED),
    BAD_REQUEST(HttpResponseStatus.BAD_REQUEST),
    NOT_FOUND(HttpResponseStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpResponseStatus.METHOD_NOT_ALLOWED),
    TOO_LARGE(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE),
    /** The request did not arrive whole within the request timeout (a slow or trickling client). */
    TIMEOUT(HttpResponseStatus.REQUEST_TIMEOUT),
    /** The call tracker's queue is full: the PBX should retry after the Retry-After delay. */
    BUSY(HttpResponseStatus.SERVICE_UNAVAILABLE);

    private final HttpResponseStatus status;

    Outcome(HttpResponseStatus status) {
        this.status = status;
    }

    HttpResponseStatus status() {
        return status;
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
