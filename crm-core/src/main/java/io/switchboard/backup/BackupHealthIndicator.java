package io.switchboard.backup;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code backup} in {@code /actuator/health}: {@code WARNING} once the last good backup (or, with none, this server's
 * start) is older than {@code switchboard.backup.warn-after}. A warning, not {@code DOWN}: a missing backup is no
 * reason for a load balancer to take the node out (application.yml orders it between the two and answers it 200).
 */
final class BackupHealthIndicator implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "No good backup for too long");

    private final Backups backups;

    BackupHealthIndicator(Backups backups) {
        this.backups = backups;
    }

    @Override
    public Health health() {
        if (!backups.available()) {
            return Health.up()
                    .withDetail("backups", backups.unavailableReason())
                    .build();
        }
        Duration without = backups.withoutBackup();
        Duration limit = backups.properties().warnAfter();
        Health.Builder health = without.compareTo(limit) > 0 ? Health.status(WARNING) : Health.up();
        backups.lastGood()
                .ifPresentOrElse(
                        last -> health.withDetail("lastBackup", last.name())
                                .withDetail("takenAt", last.takenAt().toString())
                                .withDetail("sizeBytes", last.size()),
                        () -> health.withDetail("lastBackup", "none yet"));
        return health.withDetail("ageSeconds", without.toSeconds())
                .withDetail("warnAfterSeconds", limit.toSeconds())
                .build();
    }
}
