package io.switchboard.simulator;

import io.netty.buffer.ByteBuf;

/** Writes numbers as ASCII digits straight into a buffer, without building strings on the hot path. */
final class AsciiWriter {

    private AsciiWriter() {}

    static void writeLong(ByteBuf out, long value) {
        if (value < 0) {
            out.writeByte('-');
            value = -value;
        }
        if (value < 10) {
            out.writeByte('0' + (int) value);
            return;
        }
        int digits = 0;
        for (long rest = value; rest > 0; rest /= 10) {
            digits++;
        }
        int end = out.writerIndex() + digits;
        out.ensureWritable(digits);
        for (int i = end - 1; i >= out.writerIndex(); i--) {
            out.setByte(i, '0' + (int) (value % 10));
            value /= 10;
        }
        out.writerIndex(end);
    }

    /** {@code <epoch seconds>.<6 digits>}, as {@link SimClock#format(long)}. */
    static void writeTimestamp(ByteBuf out, long epochMicros) {
        writeLong(out, epochMicros / 1_000_000);
        out.writeByte('.');
        long micros = epochMicros % 1_000_000;
        for (long divisor = 100_000; divisor > 0; divisor /= 10) {
            out.writeByte('0' + (int) (micros / divisor % 10));
        }
    }
}
