package io.switchboard.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What one pass over a file without a byte-order mark learns for {@link TextEncodings}: whether it is valid UTF-8
 * throughout, its first NUL byte, the control bytes at its start, and a sample of its lines that are not ASCII (what
 * a legacy encoding is told apart by). Streams: a 200 MB upload costs a read, not memory.
 */
final class EncodingScan {

    private boolean validUtf8 = true;
    private long nulAt = -1;
    private long controls;
    private long sampled;
    private final ByteArrayOutputStream nonAscii = new ByteArrayOutputStream();

    private EncodingScan() {}

    boolean validUtf8() {
        return validUtf8;
    }

    /** The offset of the first NUL byte; -1 when there is none. */
    long nulAt() {
        return nulAt;
    }

    /** Control bytes (other than tab, line breaks, form feed, vertical tab and DOS's end-of-file) in the sample. */
    long controls() {
        return controls;
    }

    /** Bytes the control count looked at. */
    long sampled() {
        return sampled;
    }

    byte[] nonAscii() {
        return nonAscii.toByteArray();
    }

    static EncodingScan of(ByteSource file, int sampleBytes) throws IOException {
        EncodingScan scan = new EncodingScan();
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long offset = 0;
        try (InputStream stream = file.open()) {
            byte[] chunk = new byte[32 * 1024];
            for (int read = stream.read(chunk); read >= 0; read = stream.read(chunk)) {
                int lineStart = 0;
                int copiedUntil = 0;
                for (int i = 0; i < read; i++) {
                    int b = chunk[i] & 0xFF;
                    if (b == '\n') {
                        lineStart = i + 1;
                    } else if (b < 0x20) {
                        if (b == 0 && scan.nulAt < 0) {
                            scan.nulAt = offset + i;
                        }
                        if (offset + i < sampleBytes && b != '\t' && b != '\r' && b != '\f' && b != 0x0B && b != 0x1A) {
                            scan.controls++;
                        }
                    } else if (b >= 0x80 && i >= copiedUntil && scan.nonAscii.size() < sampleBytes) {
                        // the detector learns from the lines that are not ASCII (within this chunk)
                        int lineEnd = i;
                        while (lineEnd < read && chunk[lineEnd] != '\n') {
                            lineEnd++;
                        }
                        copiedUntil = Math.min(read, lineEnd + 1);
                        scan.nonAscii.write(chunk, lineStart, copiedUntil - lineStart);
                    }
                }
                scan.sampled = Math.min(offset + read, sampleBytes);
                offset += read;
                if (scan.validUtf8) {
                    scan.validUtf8 = decodes(utf8, in, out, chunk, read, false);
                }
            }
            if (scan.validUtf8) {
                scan.validUtf8 = decodes(utf8, in, out, chunk, 0, true);
            }
        }
        return scan;
    }

    private static boolean decodes(
            CharsetDecoder decoder, ByteBuffer in, CharBuffer out, byte[] chunk, int length, boolean last) {
        in.put(chunk, 0, length).flip();
        try {
            while (true) {
                out.clear();
                var result = decoder.decode(in, out, last);
                if (result.isError()) {
                    result.throwException();
                }
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (last) {
                out.clear();
                var flushed = decoder.flush(out);
                if (flushed.isError()) {
                    return false;
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
        in.compact();
        return true;
    }
}
