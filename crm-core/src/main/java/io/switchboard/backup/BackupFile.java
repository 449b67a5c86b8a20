package io.switchboard.backup;

import java.time.Instant;

/**
 * A checked backup in the backup folder.
 *
 * @param name the file's name ({@code switchboard-20261207-023000-000.zip})
 * @param size its size in bytes
 * @param takenAt when it was taken (from its name)
 * @param contents what the check after writing found in it; {@code null} in a listing of the folder
 */
public record BackupFile(String name, long size, Instant takenAt, BackupContents contents) {}
