package io.switchboard.backup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes backups into the backup folder and keeps the newest few. A backup is written under a temporary name, checked
 * (opened and counted) and only then given its final name, so every {@code switchboard-*.zip} or {@code .dump} in the
 * folder is a good one: the newest of them is the last good backup, also after a restart.
 */
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final Pattern NAME = Pattern.compile("switchboard-(\\d{8}-\\d{6}-\\d{3})\\.(zip|dump)");

    private final Optional<BackupMethod> method;
    private final String unavailable;
    private final BackupProperties properties;
    private final Clock clock;
    private final Instant started;
    private final Counter written;
    private final Counter failures;

    /**
     * @param method how to back up this database, or empty when Switchboard does not ({@code unavailable} says why)
     */
    Backups(
            Optional<BackupMethod> method,
            String unavailable,
            BackupProperties properties,
            Clock clock,
            MeterRegistry registry) {
        this.method = method;
        this.unavailable = unavailable;
        this.properties = properties;
        this.clock = clock;
        this.started = clock.instant();
        this.written = Counter.builder("switchboard.backup.written")
                .description("Backups written and checked")
                .register(registry);
        this.failures = Counter.builder("switchboard.backup.failures")
                .description("Backups that could not be written or failed their check")
                .register(registry);
        Gauge.builder(
                        "switchboard.backup.age",
                        this,
                        backups -> backups.lastGood()
                                .map(last -> (double) Duration.between(last.takenAt(), clock.instant())
                                        .toSeconds())
                                .orElse(Double.NaN))
                .description("Seconds since the last good backup was taken (NaN: none in the folder)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(
                        "switchboard.backup.size",
                        this,
                        backups -> backups.lastGood()
                                .map(last -> (double) last.size())
                                .orElse(Double.NaN))
                .description("Size of the last good backup")
                .baseUnit("bytes")
                .register(registry);
    }

    /** Whether this database is backed up by Switchboard at all. */
    public boolean available() {
        return method.isPresent();
    }

    /** Why not, when {@link #available()} is false. */
    public String unavailableReason() {
        return unavailable;
    }

    /** Takes a backup now, checks it and drops the oldest past {@code keep}; one at a time on this node. */
    public synchronized BackupFile takeNow() {
        BackupMethod backup = method.orElseThrow(() -> new BackupsUnavailableException(unavailable));
        Instant now = clock.instant();
        String name = "switchboard-" + STAMP.format(now.atOffset(ZoneOffset.UTC)) + backup.extension();
        Path folder = properties.folder();
        Path partial = folder.resolve(name + ".partial");
        try {
            Files.createDirectories(folder);
            long began = System.nanoTime();
            backup.write(partial);
            BackupContents contents = backup.check(partial);
            Path file = Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            written.increment();
            log.info(
                    "Backup {} written and checked in {} ms: {} bytes, {} tables, {} contacts, {} activities, {} tickets",
                    name,
                    Duration.ofNanos(System.nanoTime() - began).toMillis(),
                    Files.size(file),
                    contents.tables(),
                    contents.contacts(),
                    contents.activities(),
                    contents.tickets());
            prune();
            return new BackupFile(name, Files.size(file), now, contents);
        } catch (Exception e) {
            failures.increment();
            deleteQuietly(partial);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Backup {} failed; the previous backups are kept", name, e);
            throw new BackupFailedException("The backup failed: " + e.getMessage(), e);
        }
    }

    /** The good backups in the folder, newest first. */
    public List<BackupFile> list() {
        Path folder = properties.folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(Backups::backupFile)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(BackupFile::takenAt).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest good backup, if any. */
    public Optional<BackupFile> lastGood() {
        try {
            return list().stream().findFirst();
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** How long this node has gone without a good backup: since the last one, or since it started if none. */
    Duration withoutBackup() {
        Instant since = lastGood().map(BackupFile::takenAt).orElse(started);
        return Duration.between(since, clock.instant());
    }

    BackupProperties properties() {
        return properties;
    }

    private void prune() throws IOException {
        List<BackupFile> backups = list();
        for (BackupFile old : backups.subList(Math.min(properties.keep(), backups.size()), backups.size())) {
            Files.deleteIfExists(properties.folder().resolve(old.name()));
            log.info("Deleted backup {}: only the newest {} are kept", old.name(), properties.keep());
        }
    }

    private static Optional<BackupFile> backupFile(Path path) {
        Matcher name = NAME.matcher(path.getFileName().toString());
        if (!name.matches()) {
            return Optional.empty();
        }
        try {
            Instant takenAt = LocalDateTime.parse(name.group(1), STAMP).toInstant(ZoneOffset.UTC);
            return Optional.of(new BackupFile(path.getFileName().toString(), Files.size(path), takenAt, null));
        } catch (IOException e) {
            return Optional.empty(); // deleted while listed
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the failed backup {}", file, e);
        }
    }
}
