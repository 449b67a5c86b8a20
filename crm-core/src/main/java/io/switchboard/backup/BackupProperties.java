package io.switchboard.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The automatic daily backup.
 *
 * @param enabled take the daily backup at all (the admin API takes one on demand either way)
 * @param folder where backups are written; the newest {@code keep} are kept
 * @param at the time of day the daily backup starts, in {@code zone}
 * @param zone the zone of {@code at}
 * @param keep how many backups are kept (older ones are deleted once a new one has been checked)
 * @param pgDump the {@code pg_dump} program to run on PostgreSQL ({@code null}: PostgreSQL is not backed up by
 *     Switchboard; see the README's point-in-time recovery); its major version must be the server's or newer
 * @param pgRestore the {@code pg_restore} that checks each dump ({@code null}: the one beside {@code pgDump})
 * @param warnAfter the health check warns when the last good backup is older than this
 */
@ConfigurationProperties("switchboard.backup")
public record BackupProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("./data/backups") Path folder,
        @DefaultValue("02:30") LocalTime at,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("14") int keep,
        Path pgDump,
        Path pgRestore,
        @DefaultValue("26h") Duration warnAfter) {

    public BackupProperties {
        if (keep < 1) {
            throw new IllegalArgumentException("switchboard.backup.keep must be 1 or more, not " + keep);
        }
        if (warnAfter == null || warnAfter.isNegative() || warnAfter.isZero()) {
            throw new IllegalArgumentException("switchboard.backup.warn-after must be a positive duration");
        }
    }

    /** The program that lists a dump's contents to check it: {@code pgRestore}, else the one beside {@code pgDump}. */
    Path pgRestoreOrBeside() {
        if (pgRestore != null) {
            return pgRestore;
        }
        Path folder = pgDump.getParent();
        return folder == null ? Path.of("pg_restore") : folder.resolve("pg_restore");
    }

    /** Defaults, for tests that build the package by hand. */
    public static BackupProperties in(Path folder) {
        return new BackupProperties(
                true, folder, LocalTime.of(2, 30), ZoneId.of("UTC"), 14, null, null, Duration.ofHours(26));
    }
}
