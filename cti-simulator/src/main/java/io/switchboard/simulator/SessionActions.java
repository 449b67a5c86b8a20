package io.switchboard.simulator;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.switchboard.simulator.codec.AmiMessage;
import java.util.Map;

/** Actions about the session itself: Ping, Events, Logoff, CoreSettings and the CLI Command. */
final class SessionActions {

    static final String AMI_VERSION = "11.0.0";
    static final String ASTERISK_VERSION = "22.5.2";
    static final String VERSION_LINE = "Asterisk " + ASTERISK_VERSION
            + " built by root @ sim on a x86_64 running Linux on 2026-11-01 00:00:00 UTC";

    private final SessionRegistry sessions;
    private final SimClock clock;

    SessionActions(SessionRegistry sessions, SimClock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    void register(Map<String, ActionHandler> handlers) {
        handlers.put("ping", this::ping);
        handlers.put("events", this::events);
        handlers.put("logoff", this::logoff);
        handlers.put("coresettings", this::coreSettings);
        handlers.put("command", this::command);
    }

    private void ping(Channel session, AmiMessage action) {
        session.writeAndFlush(Responses.success(action)
                .add("Ping", "Pong")
                .add("Timestamp", SimClock.format(clock.nowMicros()))
                .build());
    }

    private void events(Channel session, AmiMessage action) {
        boolean on = LoginActions.eventsWanted(action.getOr("EventMask", "on"));
        SessionState.of(session).eventsOn(on);
        sessions.refresh(session);
        session.writeAndFlush(
                Responses.success(action).add("Events", on ? "On" : "Off").build());
    }

    private void logoff(Channel session, AmiMessage action) {
        SessionState.of(session).authenticated(false);
        sessions.refresh(session);
        session.writeAndFlush(AmiMessage.builder()
                        .add("Response", "Goodbye")
                        .actionId(action.actionId())
                        .add("Message", "Thanks for all the fish.")
                        .build())
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void coreSettings(Channel session, AmiMessage action) {
        session.writeAndFlush(Responses.success(action)
                .add("AMIversion", AMI_VERSION)
                .add("AsteriskVersion", ASTERISK_VERSION)
                .add("SystemName", "")
                .add("CoreMaxCalls", 0)
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "")
                .add("CoreRunGroup", "")
                .add("CoreMaxFilehandles", 0)
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "Yes")
                .add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No")
                .build());
    }

    private void command(Channel session, AmiMessage action) {
        String command = action.getOr("Command", "").trim();
        if (command.equalsIgnoreCase("core show version")) {
            session.writeAndFlush(Responses.success(action)
                    .add("Message", "Command output follows")
                    .add("Output", VERSION_LINE)
                    .build());
            return;
        }
        session.writeAndFlush(AmiMessage.builder()
                .add("Response", "Error")
                .actionId(action.actionId())
                .add("Message", "Command output follows")
                .add(
                        "Output",
                        "No such command '" + command + "' (see 'core show help " + command + "' for more information)")
                .build());
    }
}
