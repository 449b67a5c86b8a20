package io.switchboard.gateway.webhook;

/** The {@code type} of a webhook event, as it is spelt on the wire and in the {@code type} metric tag. */
enum EventType {
    NEW_CALL("call.new"),
    RINGING("call.ringing"),
    ANSWERED("call.answered"),
    HANGUP("call.hangup");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
