package io.switchboard.csv;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Set;

/**
 * Opens an uploaded file as text in the encoding it was written in.
 *
 * <ol>
 *   <li>A byte-order mark decides: UTF-8 (Excel's "CSV UTF-8"), UTF-16LE or UTF-16BE (Excel's "Unicode text");
 *       the mark itself is not part of the text.
 *   <li>Otherwise a file that is valid UTF-8 throughout is UTF-8 (plain ASCII is too).
 *   <li>A file with NUL bytes, or more than 1 % control characters, is binary and refused.
 *   <li>Otherwise ICU's {@link CharsetDetector} chooses among the legacy encodings from the lines that are not
 *       ASCII (ISO-8859-1 is read as its superset windows-1252, which is what Excel's plain "CSV" writes); when it
 *       cannot tell, windows-1252.
 * </ol>
 *
 * A charset the caller gives is used as it is; bytes that are not valid in it make their row rejected.
 */
public final class TextEncodings {

    /** windows-1252: Excel's "CSV" on Western Windows, and what a detected ISO-8859-1 file really is. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final Set<String> NOT_LEGACY = Set.of("UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE");

    private TextEncodings() {}

    /**
     * @param given the charset the client named; {@code null} to find it
     * @throws UnreadableFileException when the file is binary
     */
    public static DecodedText open(ByteSource file, Charset given) throws IOException {
        if (given != null) {
            return new DecodedText(reader(skipMark(file.open(), given), given), given, "given", false);
        }
        Charset marked = byteOrderMark(file);
        if (marked != null) {
            return new DecodedText(reader(skipMark(file.open(), marked), marked), marked, "byte-order mark", false);
        }
        EncodingScan scan = EncodingScan.of(file, SAMPLE_BYTES);
        if (scan.nulAt() >= 0 || scan.controls() * 100 > Math.max(scan.sampled(), 1)) {
            throw new UnreadableFileException("the file is not text"
                    + (scan.nulAt() >= 0
                            ? " (it has a NUL byte at byte " + scan.nulAt() + ")"
                            : " (it has control bytes)")
                    + ": upload a CSV file; a UTF-16 file needs its byte-order mark or the charset parameter");
        }
        if (scan.validUtf8()) {
            return new DecodedText(
                    reader(file.open(), StandardCharsets.UTF_8), StandardCharsets.UTF_8, "detected", true);
        }
        Charset legacy = legacy(scan.nonAscii());
        return new DecodedText(reader(file.open(), legacy), legacy, "detected", false);
    }

    /** A charset by the name a client gives ({@code UTF-8}, {@code windows-1252}, {@code latin1}, ...). */
    public static Charset named(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedCharsetException(name);
        }
    }

    private static InputStreamReader reader(InputStream in, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(new BufferedInputStream(in, 64 * 1024), decoder);
    }

    private static Charset byteOrderMark(ByteSource file) throws IOException {
        try (InputStream in = file.open()) {
            byte[] head = in.readNBytes(3);
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            return null;
        }
    }

    /** The stream after a byte-order mark of that charset, if it starts with one. */
    private static InputStream skipMark(InputStream in, Charset charset) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        // "UTF-16" itself reads its mark to learn the byte order: only the fixed-order ones skip it
        int length = charset.equals(StandardCharsets.UTF_8)
                ? 3
                : charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE) ? 2 : 0;
        if (length == 0) {
            return buffered;
        }
        buffered.mark(length);
        byte[] head = buffered.readNBytes(length);
        boolean mark = head.length == length
                && (length == 3
                        ? (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                        : ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
                                || ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF));
        if (!mark) {
            buffered.reset();
        }
        return buffered;
    }

    /** ICU's best legacy (single- or multi-byte, not Unicode) guess from the non-ASCII lines; windows-1252 when none. */
    private static Charset legacy(byte[] sample) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(sample);
        CharsetMatch[] matches = detector.detectAll();
        for (CharsetMatch match : matches == null ? new CharsetMatch[0] : matches) {
            String name = match.getName();
            if (NOT_LEGACY.contains(name) || !Charset.isSupported(name)) {
                continue;
            }
            Charset charset = Charset.forName(name);
            return charset.name().equals("ISO-8859-1") ? WINDOWS_1252 : charset;
        }
        return WINDOWS_1252;
    }
}
