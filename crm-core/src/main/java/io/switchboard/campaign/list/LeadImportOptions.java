package io.switchboard.campaign.list;

/**
 * How to read a list.
 *
 * @param delimiter the CSV field separator ({@code ,} or {@code ;})
 * @param deleteFileWhenDone for {@link LeadImports#startImport}: delete the uploaded file once it is read
 */
public record LeadImportOptions(LeadColumns columns, char delimiter, boolean deleteFileWhenDone) {

    public LeadImportOptions {
        if (columns == null) {
            throw new IllegalArgumentException("the column mapping must be given");
        }
    }

    public static LeadImportOptions of(LeadColumns columns) {
        return new LeadImportOptions(columns, ',', false);
    }
}
