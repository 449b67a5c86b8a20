package io.switchboard.contact;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which CSV column (by its header) holds which contact field. Only {@code name} is required; leave a field
 * {@code null} when the file has no such column.
 *
 * @param tags a column of tags separated by {@code ;}, {@code |} or {@code ,}
 * @param owner a column of usernames; the owner's team becomes the contact's team
 */
public record ColumnMapping(
        String name,
        String company,
        String email,
        String phone,
        String phoneType,
        String tags,
        String owner,
        String notes) {

    public ColumnMapping {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the mapping must name the column holding the contact's name");
        }
    }

    /** The columns {@code name, company, email, phone, phone_type, tags, owner, notes}. */
    public static ColumnMapping standard() {
        return new ColumnMapping("name", "company", "email", "phone", "phone_type", "tags", "owner", "notes");
    }

    /**
     * The standard mapping without the columns this header lacks: a file of just {@code name,phone} imports with
     * the standard mapping. Any other mapping is taken as asked, and its columns must all be there.
     */
    ColumnMapping fittedTo(Collection<String> header) {
        if (!equals(standard())) {
            return this;
        }
        return new ColumnMapping(
                name,
                present(company, header),
                present(email, header),
                present(phone, header),
                present(phoneType, header),
                present(tags, header),
                present(owner, header),
                present(notes, header));
    }

    private static String present(String column, Collection<String> header) {
        return header.contains(column) ? column : null;
    }

    /** Mapped field name to column header, for the fields that are mapped. */
    Map<String, String> mappedColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("name", name);
        put(columns, "company", company);
        put(columns, "email", email);
        put(columns, "phone", phone);
        put(columns, "phone type", phoneType);
        put(columns, "tags", tags);
        put(columns, "owner", owner);
        put(columns, "notes", notes);
        return columns;
    }

    private static void put(Map<String, String> columns, String field, String column) {
        if (column != null) {
            columns.put(field, column);
        }
    }
}
