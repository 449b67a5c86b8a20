package io.switchboard.csv;

/** What the reader gives for each record after the header: a row to check, or a record it could not read. */
public sealed interface CsvEntry permits CsvRow, CsvRejection {

    /** The file's line (1 is the header's) where the record starts; a spreadsheet's row number, unless a cell spans lines. */
    long line();
}
