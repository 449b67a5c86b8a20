package io.switchboard.report;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Calls per second waited, exact and compact: stored as pairs of unsigned varints (the wait since the previous
 * entry, then the calls), ascending. A quarter hour of a busy queue has a few dozen distinct waits, so a row holds a
 * hundred bytes or so, where a row per second waited would cost almost a row per call.
 */
public final class WaitHistogram {

    /** Receives one entry. */
    @FunctionalInterface
    public interface Entry {
        void accept(int waitSeconds, int calls);
    }

    private WaitHistogram() {}

    static byte[] encode(NavigableMap<Integer, Integer> callsByWait) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(callsByWait.size() * 3);
        int previous = 0;
        for (Map.Entry<Integer, Integer> entry : callsByWait.entrySet()) {
            Varints.write(out, entry.getKey() - previous);
            Varints.write(out, entry.getValue());
            previous = entry.getKey();
        }
        return out.toByteArray();
    }

    /** Calls {@code into} for every entry, waits ascending. */
    public static void decode(byte[] bytes, Entry into) {
        int[] at = {0};
        int wait = 0;
        while (at[0] < bytes.length) {
            wait += Varints.read(bytes, at);
            into.accept(wait, Varints.read(bytes, at));
        }
    }
}
