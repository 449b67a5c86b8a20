package io.switchboard.backup;

import java.nio.file.Path;

/** How the database is copied into a file and how the copy is checked: H2's online backup or {@code pg_dump}. */
sealed interface BackupMethod permits H2Backup, PgDump {

    /** What the backups' files end with ({@code .zip}, {@code .dump}). */
    String extension();

    /** Writes a backup of the whole database into {@code file} (which does not exist yet). */
    void write(Path file) throws Exception;

    /** Opens the written backup and counts what it holds; throws when it cannot be read. */
    BackupContents check(Path file) throws Exception;
}
