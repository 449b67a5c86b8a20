package io.switchboard.report;

import java.io.ByteArrayOutputStream;

/** Unsigned variable-length integers (7 bits a byte, low bits first): the rollup's small numbers in a byte or two. */
final class Varints {

    private Varints() {}

    static void write(ByteArrayOutputStream out, int value) {
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            out.write((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write(rest);
    }

    /** Reads the number at {@code at[0]} and moves {@code at[0]} past it. */
    static int read(byte[] bytes, int[] at) {
        int value = 0;
        int shift = 0;
        int b;
        do {
            b = bytes[at[0]++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return value;
    }
}
