package io.switchboard.gateway.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * AMI events the call model never reads, dropped by {@link BoundedAmiSocket} as soon as their first line is read:
 * Asterisk-Java would otherwise build each of them by reflection (a regular expression per field) only for the
 * tracker to ignore it. On a busy PBX they are most of the stream: a queue call brings a dozen device-state, hangup
 * request and caller-id updates besides the events the tracker follows, and every dialplan step a {@code Newexten}.
 *
 * <p>None of them answers an action Switchboard sends, so no event list Asterisk-Java waits for loses an item.
 * The PBX can spare itself the work too: {@code config/manager.conf} excludes the same events with
 * {@code eventfilter}.
 */
final class UnreadEvents {

    /** Names as Asterisk writes them in the {@code Event:} line. */
    static final Set<String> NAMES = Set.of(
            "DeviceStateChange",
            "HangupRequest",
            "SoftHangupRequest",
            "NewCallerid",
            "NewConnectedLine",
            "NewAccountCode",
            "DialState",
            "Newexten",
            "ExtensionStatus",
            "PresenceStateChange",
            "RTCPSent",
            "RTCPReceived",
            "DTMFBegin",
            "DTMFEnd",
            "ChannelTalkingStart",
            "ChannelTalkingStop",
            "MusicOnHoldStart",
            "MusicOnHoldStop",
            "PeerStatus",
            "ContactStatus");

    private final MeterRegistry registry;
    private final Map<String, Counter> skipped = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    UnreadEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The event name of a frame's first line if it is one to drop, else null. */
    static String unreadName(String firstLine) {
        if (!firstLine.startsWith("Event:")) {
            return null;
        }
        String name = firstLine.substring("Event:".length()).trim();
        return NAMES.contains(name) ? name : null;
    }

    /** Events dropped unread so far. */
    long total() {
        return total.sum();
    }

    void skipped(String name) {
        total.increment();
        skipped.computeIfAbsent(
                        name,
                        n -> Counter.builder("switchboard.ami.events.unread")
                                .description("AMI events dropped unread, by type: the call model has no use for them")
                                .tag("type", n)
                                .register(registry))
                .increment();
    }
}
