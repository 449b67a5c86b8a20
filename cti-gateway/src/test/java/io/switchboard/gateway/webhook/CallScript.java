package io.switchboard.gateway.webhook;

import java.time.Instant;

/** Writes one call's webhook events as a PBX would post them, with a clock that advances by hand. */
final class CallScript {

    private final String callId;
    private Instant now = Instant.parse("2026-05-04T09:30:00.250Z");
    private int sequence;

    CallScript(String callId) {
        this.callId = callId;
    }

    String callId() {
        return callId;
    }

    CallScript advance(long seconds) {
        now = now.plusSeconds(seconds);
        return this;
    }

    /** The id the next event will carry. */
    String nextEventId() {
        return callId + "-" + (sequence + 1);
    }

    String inbound(String from, String to, String queue) {
        String queueField = queue == null ? "" : ", \"queue\": \"" + queue + "\"";
        return event(
                "call.new",
                "\"direction\": \"inbound\", \"from\": \"" + from + "\", \"fromName\": \"Alice Example\", "
                        + "\"to\": \"" + to + "\"" + queueField);
    }

    String outbound(String fromAgent, String to) {
        return event(
                "call.new", "\"direction\": \"outbound\", \"from\": \"" + fromAgent + "\", \"to\": \"" + to + "\"");
    }

    String ringing(String agent) {
        return event("call.ringing", "\"agent\": \"" + agent + "\"");
    }

    String answered(String agent) {
        return event("call.answered", "\"agent\": \"" + agent + "\"");
    }

    String hangup(int cause) {
        return event("call.hangup", "\"cause\": " + cause);
    }

    private String event(String type, String fields) {
        sequence++;
        return "{\"eventId\": \"" + callId + "-" + sequence + "\", \"type\": \"" + type + "\", \"callId\": \"" + callId
                + "\", \"occurredAt\": \"" + now + "\", " + fields + "}";
    }
}
