package io.switchboard.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Encodes one event at a time straight into the current {@link EventBatch} buffer: header lines, cached channel
 * blocks, then the event's own fields. Used as {@code events.start("Hangup", CALL).channel(c).field("Cause",
 * 16).send()}. Only the PBX thread uses it.
 */
final class EventWriter {

    static final String CALL = "call,all";
    static final String DIALPLAN = "dialplan,all";
    static final String AGENT = "agent,all";
    static final String CDR = "cdr,all";

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] SEPARATOR = {':', ' '};
    private static final byte[] TIMESTAMP = "Timestamp: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final ChannelBlockKeys PLAIN = ChannelBlockKeys.of("");
    private static final ChannelBlockKeys DEST = ChannelBlockKeys.of("Dest");

    private final EventBatch batch;
    private final SimClock clock;
    private ByteBuf out;

    EventWriter(EventBatch batch, SimClock clock) {
        this.batch = batch;
        this.clock = clock;
    }

    EventWriter start(String event, String privilege) {
        out = batch.buffer();
        ascii("Event", event);
        ascii("Privilege", privilege);
        out.writeBytes(TIMESTAMP);
        AsciiWriter.writeTimestamp(out, clock.nextEventMicros());
        out.writeBytes(CRLF);
        return this;
    }

    /** The channel's standard fields. */
    EventWriter channel(SimChannel channel) {
        channel.writeBlock(out, PLAIN);
        return this;
    }

    /** The channel's fields prefixed with {@code Dest}, as in dial and queue agent events. */
    EventWriter dest(SimChannel channel) {
        channel.writeBlock(out, DEST);
        return this;
    }

    /** The channel's fields with any prefix ({@code LocalOne}, {@code Transferer}, ...). */
    EventWriter snapshot(String prefix, SimChannel channel) {
        channel.writeBlock(out, ChannelBlockKeys.of(prefix));
        return this;
    }

    /** Pre-encoded lines, for a snapshot taken before the channel changed. */
    EventWriter raw(byte[] lines) {
        out.writeBytes(lines);
        return this;
    }

    EventWriter field(String key, String value) {
        ByteBufUtil.writeAscii(out, key);
        out.writeBytes(SEPARATOR);
        ByteBufUtil.writeUtf8(out, value);
        out.writeBytes(CRLF);
        return this;
    }

    EventWriter field(String key, long value) {
        ByteBufUtil.writeAscii(out, key);
        out.writeBytes(SEPARATOR);
        AsciiWriter.writeLong(out, value);
        out.writeBytes(CRLF);
        return this;
    }

    private EventWriter ascii(String key, String value) {
        ByteBufUtil.writeAscii(out, key);
        out.writeBytes(SEPARATOR);
        ByteBufUtil.writeAscii(out, value);
        out.writeBytes(CRLF);
        return this;
    }

    void send() {
        out.writeBytes(CRLF);
        out = null;
        batch.eventWritten();
    }
}
