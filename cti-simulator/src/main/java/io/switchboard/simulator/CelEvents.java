package io.switchboard.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * CEL and Cdr events as {@code cel_manager}/{@code cdr_manager} send them. Off unless
 * {@link SimulatorSettings#celEvents()}; then every method writes nothing.
 */
final class CelEvents {

    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final EventWriter events;
    private final SimClock clock;
    private final boolean enabled;

    CelEvents(EventWriter events, SimClock clock, boolean enabled) {
        this.events = events;
        this.clock = clock;
        this.enabled = enabled;
    }

    void chanStart(SimChannel channel) {
        cel("CHAN_START", channel, "", "");
    }

    void answer(SimChannel channel) {
        cel("ANSWER", channel, "", "");
    }

    void bridgeEnter(SimChannel channel, SimBridge bridge, SimChannel peer) {
        cel("BRIDGE_ENTER", channel, peer == null ? "" : peer.name, bridgeExtra(bridge));
    }

    void bridgeExit(SimChannel channel, SimBridge bridge) {
        cel("BRIDGE_EXIT", channel, "", bridgeExtra(bridge));
    }

    void hangup(SimChannel channel, int cause) {
        cel("HANGUP", channel, "", "{\"hangupcause\":" + cause + ",\"hangupsource\":\"\",\"dialstatus\":\"\"}");
        cel("CHAN_END", channel, "", "");
        if (channel.uniqueid.equals(channel.linkedid())) {
            cel("LINKEDID_END", channel, "", "");
        }
    }

    /** One CDR for a channel, written when it hangs up. */
    void cdr(SimChannel channel, String destination, long answeredMicros, String disposition) {
        if (!enabled) {
            return;
        }
        long end = clock.cursorMicros();
        long start = channel.createdMicros;
        events.start("Cdr", EventWriter.CDR)
                .field("AccountCode", "")
                .field("Source", channel.callerIdNum())
                .field("Destination", destination)
                .field("DestinationContext", channel.context())
                .field("CallerID", "\"" + channel.callerIdName() + "\" <" + channel.callerIdNum() + ">")
                .field("Channel", channel.name)
                .field("DestinationChannel", "")
                .field("LastApplication", channel.application())
                .field("LastData", channel.applicationData())
                .field("StartTime", time(start))
                .field("AnswerTime", answeredMicros > 0 ? time(answeredMicros) : "")
                .field("EndTime", time(end))
                .field("Duration", (end - start) / 1_000_000)
                .field("BillableSeconds", answeredMicros > 0 ? (end - answeredMicros) / 1_000_000 : 0)
                .field("Disposition", disposition)
                .field("AMAFlags", "DOCUMENTATION")
                .field("UniqueID", channel.uniqueid)
                .field("UserField", "")
                .send();
    }

    private void cel(String name, SimChannel channel, String peer, String extra) {
        if (!enabled) {
            return;
        }
        events.start("CEL", EventWriter.CALL)
                .field("EventName", name)
                .field("AccountCode", "")
                .field("CallerIDnum", plain(channel.callerIdNum()))
                .field("CallerIDname", plain(channel.callerIdName()))
                .field("CallerIDani", "")
                .field("CallerIDrdnis", "")
                .field("CallerIDdnid", "")
                .field("Exten", channel.exten())
                .field("Context", channel.context())
                .field("Channel", channel.name)
                .field("Application", channel.application())
                .field("AppData", channel.applicationData())
                .field("EventTime", time(clock.cursorMicros()))
                .field("AMAFlags", "DOCUMENTATION")
                .field("UniqueID", channel.uniqueid)
                .field("LinkedID", channel.linkedid())
                .field("Userfield", "")
                .field("Peer", peer)
                .field("PeerAccount", "")
                .field("Extra", extra)
                .send();
    }

    /** CEL shows an unset caller id as empty where channel events say {@code <unknown>}. */
    private static String plain(String value) {
        return SimChannel.UNKNOWN.equals(value) ? "" : value;
    }

    private static String bridgeExtra(SimBridge bridge) {
        return "{\"bridge_id\":\"" + bridge.id + "\",\"bridge_technology\":\"simple_bridge\"}";
    }

    private static String time(long micros) {
        return EVENT_TIME.format(Instant.ofEpochSecond(micros / 1_000_000));
    }
}
