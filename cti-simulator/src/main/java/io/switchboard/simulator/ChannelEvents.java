package io.switchboard.simulator;

import java.util.Optional;

/**
 * The channel-level events every call is made of (Newchannel, Newstate, Newexten, VarSet, hangups, dials,
 * device states). Each method changes the simulated channel first, then writes the event as Asterisk would
 * show it. PBX thread only.
 */
final class ChannelEvents {

    static final String TRUNK_DEVICE = "IAX2/carrier";

    private final SimulatedPbx pbx;
    private final EventWriter events;
    private final CelEvents cel;

    ChannelEvents(SimulatedPbx pbx, EventWriter events, CelEvents cel) {
        this.pbx = pbx;
        this.events = events;
        this.cel = cel;
    }

    EventWriter writer() {
        return events;
    }

    CelEvents cel() {
        return cel;
    }

    /** Creates and announces a channel; it is live (listed by CoreShowChannels) until {@link #hangup}. */
    SimChannel newChannel(String name, String linkedid, ChannelState state, String context, String exten) {
        return newChannel(name, linkedid, state, context, exten, SimChannel.UNKNOWN, SimChannel.UNKNOWN);
    }

    /** As above, for a channel that arrives with a caller id (an inbound trunk call). */
    SimChannel newChannel(
            String name,
            String linkedid,
            ChannelState state,
            String context,
            String exten,
            String callerIdNum,
            String callerIdName) {
        long now = pbx.clock().cursorMicros();
        String uniqueid = pbx.ids().uniqueid(now);
        SimChannel channel =
                new SimChannel(name, uniqueid, linkedid == null ? uniqueid : linkedid, state, context, exten, now);
        channel.callerId(callerIdNum, callerIdName);
        pbx.channelCreated(channel);
        events.start("Newchannel", EventWriter.CALL).channel(channel).send();
        cel.chanStart(channel);
        return channel;
    }

    void newState(SimChannel channel, ChannelState state) {
        channel.state(state);
        events.start("Newstate", EventWriter.CALL).channel(channel).send();
    }

    void newExten(SimChannel channel, int priority, String application, String data) {
        channel.priority(priority).application(application, data);
        events.start("Newexten", EventWriter.DIALPLAN)
                .channel(channel)
                .field("Extension", channel.exten())
                .field("Application", application)
                .field("AppData", data)
                .send();
    }

    void varSet(SimChannel channel, String variable, String value) {
        events.start("VarSet", EventWriter.DIALPLAN)
                .channel(channel)
                .field("Variable", variable)
                .field("Value", value)
                .send();
    }

    void newCallerid(SimChannel channel) {
        events.start("NewCallerid", EventWriter.CALL)
                .channel(channel)
                .field("CID-CallingPres", "0 (Presentation Allowed, Not Screened)")
                .send();
    }

    void newConnectedLine(SimChannel channel) {
        events.start("NewConnectedLine", EventWriter.CALL).channel(channel).send();
    }

    /**
     * The trunk's aggregate device state: INUSE when its first call starts, UNKNOWN (IAX2's idle) when its last
     * one ends, as Asterisk only reports changes.
     */
    void trunkInUse(boolean inUse) {
        if (pbx.trunkCallsChanged(inUse ? 1 : -1)) {
            deviceState(TRUNK_DEVICE, inUse ? "INUSE" : "UNKNOWN");
        }
    }

    void deviceState(String device, String state) {
        events.start("DeviceStateChange", EventWriter.CALL)
                .field("Device", device)
                .field("State", state)
                .send();
    }

    void localBridge(SimChannel one, SimChannel two, String context, String exten, boolean optimization) {
        events.start("LocalBridge", EventWriter.CALL)
                .snapshot("LocalOne", one)
                .snapshot("LocalTwo", two)
                .field("Context", context)
                .field("Exten", exten)
                .field("LocalOptimization", optimization ? "Yes" : "No")
                .send();
    }

    /** DialBegin; {@code caller} is null for an Originate, which dials from no channel. */
    void dialBegin(SimChannel caller, byte[] destBlock, String dialString) {
        EventWriter event = events.start("DialBegin", EventWriter.CALL);
        if (caller != null) {
            event.channel(caller);
        }
        event.raw(destBlock).field("DialString", dialString).send();
    }

    void dialState(SimChannel caller, SimChannel dest, String status) {
        dialStatus("DialState", caller, dest, status);
    }

    void dialEnd(SimChannel caller, SimChannel dest, String status) {
        dialStatus("DialEnd", caller, dest, status);
    }

    private void dialStatus(String event, SimChannel caller, SimChannel dest, String status) {
        EventWriter writer = events.start(event, EventWriter.CALL);
        if (caller != null) {
            writer.channel(caller);
        }
        writer.dest(dest).field("DialStatus", status).send();
    }

    /**
     * The answer to an asynchronous Originate. {@code channel} is the originated channel when one came up; after a
     * failure Asterisk has none and writes {@code <null>} for its id.
     */
    void originateResponse(
            Optional<String> actionId,
            boolean success,
            String channelName,
            SimChannel channel,
            String context,
            String exten,
            int reason) {
        if (actionId.isPresent() && pbx.syncOriginates().answer(actionId.get(), success, pbx::flushEvents)) {
            return; // a synchronous originate is answered, not reported by an event
        }
        EventWriter event = events.start("OriginateResponse", EventWriter.CALL);
        actionId.ifPresent(id -> event.field("ActionID", id));
        event.field("Response", success ? "Success" : "Failure")
                .field("Channel", channelName)
                .field("Context", context)
                .field("Exten", exten)
                .field("Reason", reason)
                .field("Uniqueid", channel != null ? channel.uniqueid : "<null>")
                .field("CallerIDNum", channel != null ? channel.callerIdNum() : SimChannel.UNKNOWN)
                .field("CallerIDName", channel != null ? channel.callerIdName() : SimChannel.UNKNOWN)
                .send();
    }

    /**
     * The dialplan of {@code dialler} dials {@code number} over the trunk: the trunk channel appears in the call and
     * starts ringing (Newchannel, VarSet, NewCallerid, NewConnectedLine, Newstate, DialBegin).
     */
    SimChannel dialTrunk(SimChannel dialler, String number, String callerName, String connectedNum) {
        SimChannel trunk = newChannel(pbx.ids().trunkChannel(), dialler.linkedid(), ChannelState.DOWN, "default", "s");
        trunk.dialplan("", "s", 1);
        varSet(trunk, "DIALEDPEERNUMBER", "carrier/" + number);
        trunk.callerId(number, callerName)
                .connectedLine(connectedNum, callerName)
                .dialplan("", number, 1);
        newExten(trunk, 1, "AppDial", "(Outgoing Line)");
        newCallerid(trunk);
        newConnectedLine(trunk);
        trunk.dialplan(QueueCall.TRUNK_CONTEXT, number, 1);
        newState(trunk, ChannelState.RINGING);
        newExten(trunk, 1, "AppDial", "(Outgoing Line)");
        dialBegin(dialler, trunk.block("Dest"), "carrier/" + number);
        if (pbx.trunkCallsChanged(1)) {
            deviceState(TRUNK_DEVICE, "RINGING");
        }
        return trunk;
    }

    void hangupRequest(SimChannel channel, int cause) {
        events.start("HangupRequest", EventWriter.CALL)
                .channel(channel)
                .field("Cause", cause)
                .send();
    }

    void softHangupRequest(SimChannel channel, int cause) {
        events.start("SoftHangupRequest", EventWriter.CALL)
                .channel(channel)
                .field("Cause", cause)
                .send();
    }

    /** The channel is gone: Hangup, then CEL HANGUP/CHAN_END when enabled. */
    void hangup(SimChannel channel, int cause) {
        events.start("Hangup", EventWriter.CALL)
                .channel(channel)
                .field("Cause", cause)
                .field("Cause-txt", CauseText.of(cause))
                .send();
        cel.hangup(channel, cause);
        pbx.channelGone(channel);
    }
}
