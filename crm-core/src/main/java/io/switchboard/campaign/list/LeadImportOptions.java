package io.switchboard.campaign.list;

import java.nio.charset.Charset;

/**
 * How to read a list.
 *
 * @param delimiter the CSV field separator ({@code ,} or {@code ;}); {@code null} to take the one the header holds
 *     most of ({@code , ; TAB |})
 * @param deleteFileWhenDone for {@link LeadImports#startImport}: delete the uploaded file once it is read
 * @param charset for {@link LeadImports#startImport}: the file's encoding; {@code null} to find it
 */
public record LeadImportOptions(LeadColumns columns, Character delimiter, boolean deleteFileWhenDone, Charset charset) {

    public LeadImportOptions {
        if (columns == null) {
            throw new IllegalArgumentException("the column mapping must be given");
        }
    }

    /** The delimiter from the header, the encoding found. */
    public static LeadImportOptions of(LeadColumns columns) {
        return new LeadImportOptions(columns, null, false, null);
    }
}
