package io.switchboard.backup;

/**
 * What a backup was found to hold when it was checked after writing.
 *
 * @param contacts rows of {@code contacts} (H2), or -1 where the method only lists tables (pg_dump)
 * @param activities rows of {@code activities}, likewise
 * @param tickets rows of {@code tickets}, likewise
 * @param tables tables with data in the backup
 */
public record BackupContents(long contacts, long activities, long tickets, int tables) {}
