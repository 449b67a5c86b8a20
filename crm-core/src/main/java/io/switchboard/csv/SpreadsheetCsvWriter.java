package io.switchboard.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The one CSV writer of every export: files that people open in a spreadsheet. A text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (or their full-width forms) would run as a
 * formula when the file is opened ({@code =HYPERLINK(...)}, DDE), so it is written with a leading single quote, as
 * OWASP advises ("CSV injection"); and every text cell is quoted, so the quote stays part of the cell.
 *
 * <p>This applies to phone numbers too, on purpose: {@code +4930...} is written {@code '+4930...}. Spreadsheets
 * show such a cell as the text {@code +4930...} (without the quote), which is what a number should be anyway,
 * instead of turning it into {@code 4.93E+10}. The list import drops that quote again, so a results file imports
 * as a list. Numbers and times (not text) are written as they are.
 */
public final class SpreadsheetCsvWriter implements Flushable, Closeable {

    private final CSVPrinter printer;

    private SpreadsheetCsvWriter(CSVPrinter printer) {
        this.printer = printer;
    }

    /** A writer to {@code out}, the header written first. */
    public static SpreadsheetCsvWriter to(Writer out, String... header) throws IOException {
        CSVFormat format =
                CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).get();
        SpreadsheetCsvWriter writer = new SpreadsheetCsvWriter(format.print(out));
        writer.row((Object[]) header);
        return writer;
    }

    /** Writes one row; {@code null} is an empty cell. */
    public void row(Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cells[i] instanceof CharSequence text ? neutralised(text.toString()) : cells[i];
        }
        printer.printRecord(safe);
    }

    /** The text as it is, or with a leading single quote when a spreadsheet would take it for a formula. */
    public static String neutralised(String text) {
        return startsLikeAFormula(text) ? "'" + text : text;
    }

    /** Whether a spreadsheet would read this cell as a formula (or, tab and CR, after trimming it). */
    public static boolean startsLikeAFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
