package io.switchboard.simulator;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams the events of a recorded trace to the sessions: the banner, FullyBooted and every frame with an
 * ActionID (the recording client's own responses and lists) are skipped. Timestamps are kept as recorded or
 * shifted so the first event happens now, keeping the gaps between events.
 */
final class TraceReplayer {

    private static final Pattern TIMESTAMP = Pattern.compile("(?m)^Timestamp: (\\d+)\\.(\\d{6})\r?$");
    private static final Pattern ACTION_ID = Pattern.compile("(?im)^ActionID:");

    private final SimulatedPbx pbx;

    TraceReplayer(SimulatedPbx pbx) {
        this.pbx = pbx;
    }

    /** Reads the trace's event frames, each without its terminating blank line. */
    static List<String> eventFrames(InputStream trace) {
        String text;
        try {
            // ISO-8859-1 maps every byte to one char, so frames go back out byte for byte.
            text = new String(trace.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read trace", e);
        }
        List<String> frames = new ArrayList<>();
        for (String frame : text.split("\r?\n\r?\n")) {
            String trimmed = frame.strip();
            if (trimmed.startsWith("Asterisk Call Manager/")) {
                int end = trimmed.indexOf('\n');
                trimmed = end < 0 ? "" : trimmed.substring(end + 1).strip();
            }
            if (trimmed.startsWith("Event:")
                    && !trimmed.startsWith("Event: FullyBooted")
                    && !ACTION_ID.matcher(trimmed).find()) {
                frames.add(trimmed.replaceAll("(?<!\r)\n", "\r\n"));
            }
        }
        return frames;
    }

    /** Writes the frames on the PBX thread; returns once they are handed to every session's socket. */
    int replay(InputStream trace, boolean shiftToNow) {
        List<String> frames = eventFrames(trace);
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        pbx.execute(() -> {
            long shift = shiftToNow ? shiftMicros(frames) : 0;
            for (String frame : frames) {
                ByteBuf out = pbx.batch().buffer();
                String text = shift == 0 ? frame : shifted(frame, shift);
                out.writeCharSequence(text, StandardCharsets.ISO_8859_1);
                out.writeCharSequence("\r\n\r\n", StandardCharsets.ISO_8859_1);
                pbx.batch().eventWritten();
            }
            pbx.afterEventsDelivered(() -> delivered.complete(null));
        });
        delivered.join();
        return frames.size();
    }

    private long shiftMicros(List<String> frames) {
        for (String frame : frames) {
            Matcher stamp = TIMESTAMP.matcher(frame);
            if (stamp.find()) {
                return pbx.clock().nowMicros() - micros(stamp);
            }
        }
        return 0;
    }

    private static String shifted(String frame, long shift) {
        Matcher stamp = TIMESTAMP.matcher(frame);
        if (!stamp.find()) {
            return frame;
        }
        String replacement = "Timestamp: " + SimClock.format(micros(stamp) + shift);
        return frame.substring(0, stamp.start()) + replacement + frame.substring(stamp.end());
    }

    private static long micros(Matcher stamp) {
        return Long.parseLong(stamp.group(1)) * 1_000_000 + Long.parseLong(stamp.group(2));
    }
}
