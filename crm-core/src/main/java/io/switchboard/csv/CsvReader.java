package io.switchboard.csv;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180, as Excel and most exports write it) and gets past what is broken: a record it cannot read
 * becomes a {@link CsvRejection} of the line it started on, and reading goes on at the next line. So a quote that
 * never closes costs that one line, not the rest of the file (a CSV parser such as Commons CSV reads to the end
 * of the file looking for the closing quote, then fails).
 *
 * <p>A quoted cell may hold line breaks, over at most {@value #MAX_LINES_PER_RECORD} lines and {@value
 * #MAX_LINE_LENGTH} characters; a quote still open after that, or at the end of the file, is taken for a broken quote. So is a quoted cell over several lines that
 * makes the record longer than the header: that is the usual sign of a stray quote that swallowed whole rows.
 *
 * <p>Cells are trimmed; empty records (no cells, or only empty ones, as spreadsheets write below a table) are
 * skipped; a leading single quote that neutralised a formula character in an export ({@code '+4930...}) is dropped,
 * so exported files read back as they were. The header is the first record; its delimiter, when not given, is the
 * one of {@code , ; TAB |} it holds most of.
 */
public final class CsvReader {

    /** The most lines one record (a cell with line breaks) may span before its open quote counts as broken. */
    public static final int MAX_LINES_PER_RECORD = 100;

    /**
     * The longest line read, and the most characters one record may span; beyond it the line is rejected (a text
     * file has no such lines, a binary one may). With {@link #MAX_LINES_PER_RECORD} it bounds the memory a record
     * takes, whatever the file holds.
     */
    public static final int MAX_LINE_LENGTH = 1_000_000;

    private static final int MAX_REPORTED_TEXT = 4000;

    private final Lines lines;
    private final String undecodable;
    private final CsvHeader header;

    /**
     * @param delimiter {@code null} to take it from the header
     * @param undecodable the reason a row holding U+FFFD (bytes the decoder replaced) is rejected with; {@code null}
     *     when the text is known to be clean
     * @throws CsvFormatException when there is no header or it cannot be read
     */
    public CsvReader(Reader text, Character delimiter, String undecodable) {
        if (delimiter != null && (delimiter == '"' || delimiter == '\r' || delimiter == '\n')) {
            throw new CsvFormatException("the delimiter cannot be a quote or a line break");
        }
        this.lines = new Lines(text, MAX_LINE_LENGTH);
        this.undecodable = undecodable;
        this.header = readHeader(delimiter);
    }

    /** Reads a decoded upload, rejecting rows with bytes the encoding did not have. */
    public static CsvReader of(DecodedText decoded, Character delimiter) {
        String undecodable = decoded.clean()
                ? null
                : "has bytes that are not " + decoded.charset().name();
        return new CsvReader(decoded.text(), delimiter, undecodable);
    }

    public CsvHeader header() {
        return header;
    }

    /** The next record, or {@code null} at the end of the file. */
    public CsvEntry next() {
        while (true) {
            Lines.Line first = lines.next();
            if (first == null) {
                return null;
            }
            CsvEntry entry = record(first, header.delimiter(), header.names().size());
            if (entry instanceof CsvRow row && blank(row.cells())) {
                continue;
            }
            return entry;
        }
    }

    private CsvHeader readHeader(Character given) {
        while (true) {
            Lines.Line first = lines.next();
            if (first == null) {
                throw new CsvFormatException("the file is empty: it needs a header row naming its columns");
            }
            String text = first.text().startsWith("\uFEFF") ? first.text().substring(1) : first.text();
            char delimiter = given != null ? given : delimiterOf(text);
            Lines.Line stripped = new Lines.Line(first.number(), text, first.ending(), first.tooLong());
            CsvEntry entry = record(stripped, delimiter, 0);
            if (entry instanceof CsvRejection broken) {
                throw new CsvFormatException(
                        "the header (line " + broken.line() + ") is not valid CSV: " + broken.reason());
            }
            List<String> names = ((CsvRow) entry).cells();
            if (!blank(names)) {
                return new CsvHeader(names, delimiter);
            }
        }
    }

    /** Reads one record from its first line on; a broken one gives its later lines back to be read again. */
    private CsvEntry record(Lines.Line first, char delimiter, int headerSize) {
        if (first.tooLong()) {
            return rejection(first, "line longer than " + MAX_LINE_LENGTH + " characters");
        }
        List<Lines.Line> span = new ArrayList<>(1);
        span.add(first);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        Lines.Line current = first;
        String text = first.text();
        long spanLength = text.length();
        int i = 0;
        while (true) {
            // the start of a cell: spaces before an opening quote do not count
            int start = i;
            while (i < text.length() && text.charAt(i) == ' ' && delimiter != ' ') {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                long opened = current.number();
                while (true) {
                    if (i == text.length()) {
                        // the quoted cell goes on on the next line
                        boolean room = span.size() < MAX_LINES_PER_RECORD && spanLength < MAX_LINE_LENGTH;
                        Lines.Line next = room ? lines.next() : null;
                        if (next == null
                                || next.tooLong()
                                || spanLength + next.text().length() > MAX_LINE_LENGTH) {
                            if (next != null) {
                                span.add(next);
                            }
                            return broken(
                                    span,
                                    "a quote opened on line " + opened + " is not closed"
                                            + (room && next == null
                                                    ? " before the end of the file"
                                                    : " within " + MAX_LINES_PER_RECORD + " lines or " + MAX_LINE_LENGTH
                                                            + " characters"));
                        }
                        spanLength += next.text().length();
                        cell.append(current.ending());
                        span.add(next);
                        current = next;
                        text = next.text();
                        i = 0;
                        continue;
                    }
                    char c = text.charAt(i++);
                    if (c != '"') {
                        cell.append(c);
                    } else if (i < text.length() && text.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                while (i < text.length() && text.charAt(i) == ' ' && delimiter != ' ') {
                    i++;
                }
                if (i < text.length() && text.charAt(i) != delimiter) {
                    return broken(
                            span,
                            "text after the closing quote of cell " + (cells.size() + 1) + " on line "
                                    + current.number());
                }
            } else {
                int end = text.indexOf(delimiter, start);
                i = end < 0 ? text.length() : end;
                cell.append(text, start, i);
            }
            cells.add(cleaned(cell));
            cell.setLength(0);
            if (i >= text.length()) {
                break;
            }
            i++; // the delimiter
        }
        if (span.size() > 1 && headerSize > 0 && cells.size() > headerSize) {
            return broken(
                    span,
                    "a quoted cell from line " + first.number() + " to " + current.number()
                            + " makes the row longer than the header: probably a quote that is not closed");
        }
        if (undecodable != null && cells.stream().anyMatch(value -> value.indexOf('\uFFFD') >= 0)) {
            return new CsvRejection(first.number(), undecodable, reported(first.text()));
        }
        return new CsvRow(first.number(), cells, header);
    }

    private CsvRejection broken(List<Lines.Line> span, String reason) {
        lines.giveBack(span.subList(1, span.size()));
        Lines.Line first = span.get(0);
        return rejection(first, reason + "; line " + first.number() + " skipped, reading went on at the next line");
    }

    private static CsvRejection rejection(Lines.Line line, String reason) {
        return new CsvRejection(line.number(), reason, reported(line.text()));
    }

    private static String reported(String text) {
        return text.length() <= MAX_REPORTED_TEXT ? text : text.substring(0, MAX_REPORTED_TEXT);
    }

    private static String cleaned(StringBuilder cell) {
        String value = cell.toString().strip();
        if (value.length() > 1 && value.charAt(0) == '\'') {
            String unquoted = value.substring(1);
            return SpreadsheetCsvWriter.startsLikeAFormula(unquoted) ? unquoted : value;
        }
        return value;
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isEmpty);
    }

    private static char delimiterOf(String headerLine) {
        char best = ',';
        long most = 0;
        for (char candidate : new char[] {',', ';', '\t', '|'}) {
            long count = headerLine.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }
}
