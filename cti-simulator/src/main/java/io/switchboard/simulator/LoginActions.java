package io.switchboard.simulator;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.switchboard.simulator.codec.AmiMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** {@code Challenge} and {@code Login} (plain secret or MD5 of challenge + secret), as Asterisk-Java uses them. */
final class LoginActions {

    private final SimulatorSettings settings;
    private final SessionRegistry sessions;
    private final SimulatedPbx pbx;
    private final UnauthenticatedSessions unauthenticated;

    LoginActions(
            SimulatorSettings settings,
            SessionRegistry sessions,
            SimulatedPbx pbx,
            UnauthenticatedSessions unauthenticated) {
        this.settings = settings;
        this.sessions = sessions;
        this.pbx = pbx;
        this.unauthenticated = unauthenticated;
    }

    void register(Map<String, ActionHandler> handlers) {
        handlers.put("challenge", this::challenge);
        handlers.put("login", this::login);
    }

    private void challenge(Channel session, AmiMessage action) {
        if (!action.getOr("AuthType", "").equalsIgnoreCase("MD5")) {
            session.writeAndFlush(Responses.error(action, "Must specify AuthType"));
            return;
        }
        String challenge = pbx.ids().challenge();
        SessionState.of(session).challenge(challenge);
        session.writeAndFlush(
                Responses.success(action).add("Challenge", challenge).build());
    }

    private void login(Channel session, AmiMessage action) {
        SessionState state = SessionState.of(session);
        if (!credentialsMatch(action, state)) {
            // Asterisk ends the session after a failed login.
            session.writeAndFlush(Responses.error(action, "Authentication failed"))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        state.authenticated(true);
        unauthenticated.loggedIn(session);
        state.eventsOn(eventsWanted(action.getOr("Events", "on")));
        // Registered before the reply: a client that acts on the reply must not miss the first events.
        sessions.refresh(session);
        session.write(Responses.success(action, "Authentication accepted"));
        if (state.eventsOn()) {
            long uptime = (pbx.clock().nowMicros() - pbx.clock().startEpochMicros()) / 1_000_000;
            session.write(AmiMessage.builder()
                    .add("Event", "FullyBooted")
                    .add("Privilege", "system,all")
                    .add("Uptime", Math.max(0, uptime))
                    .add("LastReload", Math.max(0, uptime))
                    .add("Status", "Fully Booted")
                    .build());
        }
        session.flush();
    }

    private boolean credentialsMatch(AmiMessage action, SessionState state) {
        if (!settings.username().equals(action.getOr("Username", null))) {
            return false;
        }
        if (action.getOr("AuthType", "").equalsIgnoreCase("MD5")) {
            String challenge = state.challenge();
            return challenge != null && md5Hex(challenge + settings.secret()).equalsIgnoreCase(action.getOr("Key", ""));
        }
        return settings.secret().equals(action.getOr("Secret", null));
    }

    /** {@code on}, {@code off}, or a class list such as {@code call,agent} (taken as on). */
    static boolean eventsWanted(String mask) {
        String value = mask.trim().toLowerCase(Locale.ROOT);
        return !(value.equals("off") || value.equals("no") || value.equals("false") || value.equals("none"));
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }
}
