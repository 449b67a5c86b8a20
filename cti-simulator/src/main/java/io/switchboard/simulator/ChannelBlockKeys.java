package io.switchboard.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The encoded keys of a channel block for one prefix ({@code Channel: }, {@code DestChannel: }, ...). */
final class ChannelBlockKeys {

    private static final Map<String, ChannelBlockKeys> BY_PREFIX = new ConcurrentHashMap<>();

    final byte[] channel;
    final byte[] state;
    final byte[] stateDesc;
    final byte[] callerIdNum;
    final byte[] callerIdName;
    final byte[] connectedNum;
    final byte[] connectedName;
    final byte[] language;
    final byte[] accountCode;
    final byte[] context;
    final byte[] exten;
    final byte[] priority;
    final byte[] uniqueid;
    final byte[] linkedid;

    private ChannelBlockKeys(String p) {
        channel = key(p, "Channel");
        state = key(p, "ChannelState");
        stateDesc = key(p, "ChannelStateDesc");
        callerIdNum = key(p, "CallerIDNum");
        callerIdName = key(p, "CallerIDName");
        connectedNum = key(p, "ConnectedLineNum");
        connectedName = key(p, "ConnectedLineName");
        language = key(p, "Language");
        accountCode = key(p, "AccountCode");
        context = key(p, "Context");
        exten = key(p, "Exten");
        priority = key(p, "Priority");
        uniqueid = key(p, "Uniqueid");
        linkedid = key(p, "Linkedid");
    }

    static ChannelBlockKeys of(String prefix) {
        return BY_PREFIX.computeIfAbsent(prefix, ChannelBlockKeys::new);
    }

    private static byte[] key(String prefix, String name) {
        return (prefix + name + ": ").getBytes(StandardCharsets.US_ASCII);
    }
}
