package io.switchboard.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * One simulated channel and the fields Asterisk prints for it in every channel event, written straight into the
 * event buffer from cached encodings of its values. Owned by the PBX thread.
 */
final class SimChannel {

    static final String UNKNOWN = "<unknown>";

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LANGUAGE = {'e', 'n'};
    private static final byte[] EMPTY = {};

    final String name;
    final String uniqueid;
    final long createdMicros;
    private String linkedid;
    private ChannelState state;
    private String callerIdNum = UNKNOWN;
    private String callerIdName = UNKNOWN;
    private String connectedNum = UNKNOWN;
    private String connectedName = UNKNOWN;
    private String context;
    private String exten;
    private int priority = 1;
    private String application = "";
    private String applicationData = "";
    private String bridgeId = "";
    // Encoded field values, rebuilt lazily after a change: most events repeat a channel's fields unchanged.
    private byte[] nameBytes;
    private byte[] uniqueidBytes;
    private byte[] linkedidBytes;
    private byte[] callerIdNumBytes;
    private byte[] callerIdNameBytes;
    private byte[] connectedNumBytes;
    private byte[] connectedNameBytes;
    private byte[] contextBytes;
    private byte[] extenBytes;

    SimChannel(
            String name,
            String uniqueid,
            String linkedid,
            ChannelState state,
            String context,
            String exten,
            long createdMicros) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.state = state;
        this.context = context;
        this.exten = exten;
        this.createdMicros = createdMicros;
    }

    String linkedid() {
        return linkedid;
    }

    ChannelState state() {
        return state;
    }

    String callerIdNum() {
        return callerIdNum;
    }

    String callerIdName() {
        return callerIdName;
    }

    String connectedNum() {
        return connectedNum;
    }

    String connectedName() {
        return connectedName;
    }

    String context() {
        return context;
    }

    String exten() {
        return exten;
    }

    int priority() {
        return priority;
    }

    String application() {
        return application;
    }

    String applicationData() {
        return applicationData;
    }

    String bridgeId() {
        return bridgeId;
    }

    SimChannel state(ChannelState newState) {
        state = newState;
        return changed();
    }

    SimChannel callerId(String num, String name) {
        callerIdNum = num;
        callerIdName = name;
        return changed();
    }

    SimChannel connectedLine(String num, String name) {
        connectedNum = num;
        connectedName = name;
        return changed();
    }

    SimChannel dialplan(String newContext, String newExten, int newPriority) {
        context = newContext;
        exten = newExten;
        priority = newPriority;
        return changed();
    }

    SimChannel priority(int newPriority) {
        // Written as a number on every event, so no cached bytes to drop.
        priority = newPriority;
        return this;
    }

    SimChannel linkedid(String newLinkedid) {
        linkedid = newLinkedid;
        return changed();
    }

    /** The application shown by {@code CoreShowChannels}; not part of event blocks. */
    SimChannel application(String app, String data) {
        application = app;
        applicationData = data;
        return this;
    }

    SimChannel bridgeId(String id) {
        bridgeId = id;
        return this;
    }

    private SimChannel changed() {
        nameBytes = null;
        return this;
    }

    /** The channel's fields as Asterisk's {@code ast_manager_build_channel_state_string_prefix} writes them. */
    void writeBlock(ByteBuf out, ChannelBlockKeys keys) {
        if (nameBytes == null) {
            cacheValues();
        }
        line(out, keys.channel, nameBytes);
        line(out, keys.state, state.codeBytes);
        line(out, keys.stateDesc, state.descriptionBytes);
        line(out, keys.callerIdNum, callerIdNumBytes);
        line(out, keys.callerIdName, callerIdNameBytes);
        line(out, keys.connectedNum, connectedNumBytes);
        line(out, keys.connectedName, connectedNameBytes);
        line(out, keys.language, LANGUAGE);
        line(out, keys.accountCode, EMPTY);
        line(out, keys.context, contextBytes);
        line(out, keys.exten, extenBytes);
        out.writeBytes(keys.priority);
        AsciiWriter.writeLong(out, priority);
        out.writeBytes(CRLF);
        line(out, keys.uniqueid, uniqueidBytes);
        line(out, keys.linkedid, linkedidBytes);
    }

    /** The block as bytes, for a snapshot that must outlive the next change of the channel. */
    byte[] block(String prefix) {
        ByteBuf buffer = Unpooled.buffer(512);
        writeBlock(buffer, ChannelBlockKeys.of(prefix));
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    private static void line(ByteBuf out, byte[] key, byte[] value) {
        out.writeBytes(key);
        out.writeBytes(value);
        out.writeBytes(CRLF);
    }

    private void cacheValues() {
        nameBytes = utf8(name);
        uniqueidBytes = utf8(uniqueid);
        linkedidBytes = utf8(linkedid);
        callerIdNumBytes = utf8(callerIdNum);
        callerIdNameBytes = utf8(callerIdName);
        connectedNumBytes = utf8(connectedNum);
        connectedNameBytes = utf8(connectedName);
        contextBytes = utf8(context);
        extenBytes = utf8(exten);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
