package io.switchboard.simulator;

/**
 * What Asterisk 22 does when an originate fails and its context has a {@code failed} extension (or a pattern that
 * matches "failed", as {@code _[a-zA-Z0-9].} does): it runs that extension on a channel of its own named
 * {@code OutgoingSpoolFailed}, with the originate's caller id and {@code REASON} set, reports the OriginateResponse
 * failure meanwhile, and hangs the channel up when the extension ends (recorded from Asterisk 22). The sample
 * dialplan has none; an originate asks for it with the channel variable {@code SIM_FAILED_EXTENSION=1}, so a test can
 * show a tracker what an older dialplan caused.
 */
final class FailedExtension {

    static final String CHANNEL = "OutgoingSpoolFailed";
    static final String VARIABLE = "SIM_FAILED_EXTENSION";

    private FailedExtension() {}

    static boolean wanted(java.util.Map<String, String> variables) {
        String value = variables.getOrDefault(VARIABLE, "");
        return value.equals("1") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true");
    }

    /** Runs {@code failed} in {@code context}; {@code report} sends the originate's failure in between. */
    static void run(ChannelEvents events, String callerId, String context, int reason, Runnable report) {
        String number = numberOf(callerId);
        String name = nameOf(callerId);
        SimChannel failed = events.newChannel(CHANNEL, null, ChannelState.DOWN, context, "failed", number, name);
        events.varSet(failed, "REASON", Integer.toString(reason));
        report.run();
        events.hangup(failed, CauseText.NORMAL_CLEARING);
    }

    /** {@code "Name" <number>} or a bare number, as an Originate's CallerID is written. */
    static String numberOf(String callerId) {
        int open = callerId.indexOf('<');
        int close = callerId.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            return callerId.substring(open + 1, close).trim();
        }
        return callerId.isBlank() ? SimChannel.UNKNOWN : callerId.trim();
    }

    static String nameOf(String callerId) {
        int open = callerId.indexOf('<');
        if (open <= 0) {
            return SimChannel.UNKNOWN;
        }
        String name = callerId.substring(0, open).trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.isEmpty() ? SimChannel.UNKNOWN : name;
    }
}
