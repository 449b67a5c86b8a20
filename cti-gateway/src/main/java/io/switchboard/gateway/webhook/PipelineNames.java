package io.switchboard.gateway.webhook;

/** Names of the handlers in a webhook connection's pipeline, in order. */
final class PipelineNames {

    static final String IDLE_TIMEOUT = "webhook-idle-timeout";
    static final String REQUEST_START = "webhook-request-start";
    static final String HTTP_CODEC = "webhook-http-codec";
    static final String REQUEST_END = "webhook-request-end";
    static final String BODY_AGGREGATOR = "webhook-body-aggregator";
    static final String ROUTER = "webhook-router";
    static final String SIGNATURE = "webhook-signature";
    static final String EVENT_DECODER = "webhook-event-decoder";
    static final String INTAKE = "webhook-intake";
    static final String ERRORS = "webhook-errors";

    private PipelineNames() {}
}
