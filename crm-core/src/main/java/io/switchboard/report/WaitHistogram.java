package io.switchboard.report;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Calls per second waited, exact and compact: stored as pairs of unsigned varints (the wait since the previous
 * entry, then the calls), ascending. A quarter hour of a busy queue has a few dozen distinct waits, so a row holds a
 * hundred bytes or so, where a row per second waited would cost a row per call.
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
            varint(out, entry.getKey() - previous);
            varint(out, entry.getValue());
            previous = entry.getKey();
        }
        return out.toByteArray();
    }

    /** Calls {@code into} for every entry, waits ascending. */
    public static void decode(byte[] bytes, Entry into) {
        int wait = 0;
        int at = 0;
        while (at < bytes.length) {
            int value = 0;
            int shift = 0;
            int b;
            do {
                b = bytes[at++];
                value |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            wait += value;
            int calls = 0;
            shift = 0;
            do {
                b = bytes[at++];
                calls |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            into.accept(wait, calls);
        }
    }

    static NavigableMap<Integer, Integer> toMap(byte[] bytes) {
        NavigableMap<Integer, Integer> map = new TreeMap<>();
        decode(bytes, map::put);
        return map;
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            out.write((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write(rest);
    }
}
