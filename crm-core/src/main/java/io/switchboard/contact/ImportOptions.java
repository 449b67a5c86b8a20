package io.switchboard.contact;

import io.switchboard.directory.TeamId;
import java.util.Objects;

/**
 * How to import a CSV file of contacts.
 *
 * @param visibility given to new contacts; re-imported contacts keep theirs
 * @param team the team of contacts whose row names no owner; {@code null} for none
 * @param delimiter the field separator: {@code ,} or, in many European exports, {@code ;}; {@code null} to take the
 *     one the header holds most of ({@code , ; TAB |})
 */
public record ImportOptions(ColumnMapping columns, Visibility visibility, TeamId team, Character delimiter) {

    public ImportOptions {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(visibility, "visibility");
    }

    /** The delimiter from the header, contacts visible company-wide. */
    public static ImportOptions of(ColumnMapping columns) {
        return new ImportOptions(columns, Visibility.COMPANY, null, null);
    }

    ImportOptions withColumns(ColumnMapping mapped) {
        return new ImportOptions(mapped, visibility, team, delimiter);
    }
}
