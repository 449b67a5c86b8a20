package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world pauses a JVM logged with {@code -Xlog:gc:file=...:utctime} inside a stretch of wall-clock time:
 * each one holds every pop in flight, so they explain much of a latency tail.
 */
final class GcPauses {

    /** {@code [2026-11-25T19:41:22.462+0000] GC(20) Pause Young (Normal) (G1 Evacuation Pause) 94M->48M(117M) 15.734ms} */
    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\].* Pause .* ([0-9.]+)ms$");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private GcPauses() {}

    /** The JVM option that writes the log this class reads. */
    static String logOption(Path file) {
        return "-Xlog:gc:file=" + file + ":utctime";
    }

    /** "n pauses, total x ms, longest y ms" between the two wall-clock times (microseconds), or why not. */
    static String between(Path log, long fromMicros, long toMicros) {
        if (!Files.exists(log)) {
            return "no GC log";
        }
        int count = 0;
        double total = 0;
        double longest = 0;
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher pause = PAUSE.matcher(line.trim());
                if (!pause.matches()) {
                    continue;
                }
                long at = BenchClock.micros(
                        OffsetDateTime.parse(pause.group(1), STAMP).toInstant());
                if (at < fromMicros || at > toMicros) {
                    continue;
                }
                double millis = Double.parseDouble(pause.group(2));
                count++;
                total += millis;
                longest = Math.max(longest, millis);
            }
        } catch (IOException | RuntimeException e) {
            return "GC log unreadable: " + e.getMessage();
        }
        return String.format(Locale.ROOT, "%d pauses, %.0f ms in all, the longest %.1f ms", count, total, longest);
    }
}
