package io.switchboard.csv;

import java.util.List;

/**
 * One record after the header, its cells trimmed.
 *
 * @param cells as many as the record has: fewer or more than the header names
 */
public record CsvRow(long line, List<String> cells, CsvHeader header) implements CsvEntry {

    public CsvRow {
        cells = List.copyOf(cells);
    }

    /** The cell under that header column; {@code null} when the header has no such column or the row is shorter. */
    public String get(String column) {
        int index = header.indexOf(column);
        return index < 0 || index >= cells.size() ? null : cells.get(index);
    }
}
