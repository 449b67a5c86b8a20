package io.switchboard.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole file read at once: what both imports see of it, as a pure function of its bytes (for tests and fuzzing;
 * the imports themselves stream).
 *
 * @param encoding how it was decoded, e.g. {@code windows-1252 (detected)}
 */
public record CsvFile(String encoding, CsvHeader header, List<CsvRow> rows, List<CsvRejection> rejections) {

    /**
     * @param delimiter {@code null} to take it from the header
     * @param charset {@code null} to detect it
     * @throws UnreadableFileException when the bytes are not text
     * @throws CsvFormatException when there is no readable header
     */
    public static CsvFile read(byte[] bytes, Character delimiter, Charset charset) {
        try {
            DecodedText decoded = TextEncodings.open(ByteSource.of(bytes), charset);
            CsvReader reader = CsvReader.of(decoded, delimiter);
            List<CsvRow> rows = new ArrayList<>();
            List<CsvRejection> rejections = new ArrayList<>();
            for (CsvEntry entry = reader.next(); entry != null; entry = reader.next()) {
                if (entry instanceof CsvRow row) {
                    rows.add(row);
                } else {
                    rejections.add((CsvRejection) entry);
                }
            }
            return new CsvFile(decoded.describe(), reader.header(), rows, rejections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
