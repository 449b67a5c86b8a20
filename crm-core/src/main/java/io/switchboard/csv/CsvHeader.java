package io.switchboard.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The header's column names (trimmed) and the delimiter the file was read with. */
public final class CsvHeader {

    private final List<String> names;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final char delimiter;

    CsvHeader(List<String> names, char delimiter) {
        this.names = List.copyOf(names);
        this.delimiter = delimiter;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                continue;
            }
            if (indexes.putIfAbsent(name, i) != null) {
                throw new CsvFormatException("the header names the column '" + name + "' twice: " + names);
            }
        }
    }

    public List<String> names() {
        return names;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The column's position, or -1 when the header has no such column. */
    public int indexOf(String column) {
        Integer index = column == null ? null : indexes.get(column);
        return index == null ? -1 : index;
    }

    public boolean contains(String column) {
        return indexOf(column) >= 0;
    }

    @Override
    public String toString() {
        return names.toString();
    }
}
