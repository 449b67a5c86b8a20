package io.switchboard.simulator.codec;

/** Why an inbound frame was rejected; {@link #tag()} is the low-cardinality metric tag. */
public enum MalformedReason {
    LINE_TOO_LONG("line_too_long", "Line too long"),
    TOO_MANY_LINES("too_many_lines", "Too many lines in one message"),
    FRAME_TOO_LARGE("frame_too_large", "Message too large"),
    NO_COLON("no_colon", "Line without a colon"),
    BINARY("binary", "Binary data in message");

    private final String tag;
    private final String description;

    MalformedReason(String tag, String description) {
        this.tag = tag;
        this.description = description;
    }

    public String tag() {
        return tag;
    }

    public String description() {
        return description;
    }
}
