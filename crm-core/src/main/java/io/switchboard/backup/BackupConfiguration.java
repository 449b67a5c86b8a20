package io.switchboard.backup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.switchboard.gateway.cluster.NodeId;
import io.switchboard.lease.Lease;
import io.switchboard.lease.LeaseHolder;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The backup package's beans. The method follows the database: H2's {@code BACKUP TO} for the embedded H2,
 * {@code pg_dump} for PostgreSQL when {@code switchboard.backup.pg-dump} says where it is, none otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
class BackupConfiguration {

    @Bean
    Backups backups(
            DataSource dataSource,
            BackupProperties properties,
            Environment environment,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters)
            throws SQLException {
        String product;
        String url;
        String username;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            product = database.getDatabaseProductName();
            url = database.getURL();
            username = database.getUserName();
        }
        Optional<BackupMethod> method = Optional.empty();
        String unavailable = null;
        if ("H2".equals(product)) {
            // the configured URL: the driver's own leaves out the settings the copy must be opened with
            method = Optional.of(new H2Backup(
                    dataSource,
                    environment.getProperty("spring.datasource.url", url),
                    username,
                    environment.getProperty("spring.datasource.password")));
        } else if ("PostgreSQL".equals(product) && properties.pgDump() != null) {
            method = Optional.of(new PgDump(
                    properties.pgDump(),
                    properties.pgRestoreOrBeside(),
                    url,
                    username,
                    environment.getProperty("spring.datasource.password")));
        } else {
            unavailable = product + " is not backed up by Switchboard: set switchboard.backup.pg-dump to the path"
                    + " of pg_dump, or back it up with PostgreSQL's own point-in-time recovery (see the README)";
        }
        return new Backups(
                method,
                unavailable,
                properties,
                clock.getIfUnique(Clock::systemUTC),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /** The daily run, on every node; the backup lease picks the one that takes it. */
    @Bean(initMethod = "start", destroyMethod = "close")
    BackupSchedule backupSchedule(
            Backups backups,
            BackupProperties properties,
            NamedParameterJdbcTemplate jdbc,
            ObjectProvider<Clock> clock,
            ObjectProvider<NodeId> nodeId) {
        Clock time = clock.getIfUnique(Clock::systemUTC);
        return new BackupSchedule(
                backups, new Lease(jdbc, time, Lease.BACKUP), LeaseHolder.of(nodeId.getIfAvailable()), time);
    }

    @Bean
    BackupHealthIndicator backupHealthIndicator(Backups backups) {
        return new BackupHealthIndicator(backups);
    }
}
