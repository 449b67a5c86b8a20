package io.switchboard.directory;

import java.util.List;

/**
 * What a bulk import of users did: every good row is created, every bad one reported with its line and reason.
 *
 * @param rows rows read after the header (rejected CSV records included)
 * @param encoding how the file was decoded, e.g. {@code UTF-8}
 */
public record UserImportReport(
        long rows, long created, long rejected, List<Rejection> rejections, String encoding, String delimiter) {

    /** @param row the file's line the row starts on (the header is line 1) */
    public record Rejection(long row, String reason) {}
}
