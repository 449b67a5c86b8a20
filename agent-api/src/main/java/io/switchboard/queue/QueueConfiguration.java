package io.switchboard.queue;

import io.switchboard.activity.QueueCallLog;
import io.switchboard.directory.AuditLog;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventSource;
import io.switchboard.gateway.call.ConfiguredPbxes;
import io.switchboard.gateway.worker.Overflow;
import io.switchboard.report.QueueRollup;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueueProperties.class)
class QueueConfiguration {

    private static final Logger log = LoggerFactory.getLogger(QueueConfiguration.class);

    /** How often a node reads the queues' settings again, for changes an admin made through another node. */
    private static final long CATALOGUE_REFRESH_SECONDS = 15;

    /** The known queues, read at start, then learning from the call events on a subscriber thread of its own. */
    @Bean
    QueueCatalogue queueCatalogue(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            AuditLog audit,
            QueueProperties properties,
            CallEventBus bus,
            ObjectProvider<ConfiguredPbxes> pbxes) {
        // from the JdbcTemplate, which Spring Boot creates after the migrations ran (the catalogue reads at once)
        QueueCatalogue catalogue = new QueueCatalogue(
                new NamedParameterJdbcTemplate(jdbc),
                new TransactionTemplate(transactions),
                audit,
                properties,
                Clock.systemUTC(),
                pbxes.getIfAvailable(ConfiguredPbxes::single));
        catalogue.refresh();
        bus.subscribe("queue-catalogue", CallEventDelivery.queued(10_000, Overflow.DROP_NEWEST), catalogue.handlers());
        return catalogue;
    }

    /** Listens first, then counts what ended before from the database: no call is missed or counted twice. */
    @Bean
    QueueStatistics queueStatistics(
            QueueProperties properties, QueueCatalogue catalogue, CallEventBus bus, QueueCallLog log) {
        Clock clock = Clock.systemUTC();
        QueueStatistics statistics = new QueueStatistics(properties, catalogue::rules, clock, clock.instant());
        // today's figures of every queue, also those of links other nodes own
        bus.subscribe(
                "queue-statistics",
                CallEventSource.EVERY_NODE,
                CallEventDelivery.queued(10_000, Overflow.DROP_NEWEST),
                statistics.handlers());
        statistics.rebuild(log);
        return statistics;
    }

    @Bean
    QueueIntervals queueIntervals(
            JdbcTemplate jdbc, QueueRollup rollup, QueueProperties properties, QueueCatalogue catalogue) {
        return new QueueIntervals(
                new NamedParameterJdbcTemplate(jdbc), rollup, properties, catalogue::rules, catalogue::pbxLabel);
    }

    @Bean
    QueueTimeline queueTimeline(
            WaitingCallers waiting, QueueStatistics statistics, QueueProperties properties, QueueCallLog log) {
        QueueTimeline timeline = new QueueTimeline(waiting, statistics, properties, Clock.systemUTC());
        timeline.rebuild(log);
        return timeline;
    }

    /**
     * Samples the queues once a minute for the wallboard's chart, and reads the queues' settings again, on a daemon
     * thread of its own.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService queueTimelineSampler(
            QueueTimeline timeline, QueueCatalogue catalogue, QueueProperties properties) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "queue-timeline");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sampleInterval().toMillis();
        sampler.scheduleAtFixedRate(timeline::sample, 0, every, TimeUnit.MILLISECONDS);
        sampler.scheduleWithFixedDelay(
                () -> {
                    try {
                        catalogue.refresh();
                    } catch (RuntimeException e) {
                        // a database hiccup: keep the settings in memory and try again next time
                        log.warn("Could not read the queues' settings again: {}", e.toString());
                    }
                },
                CATALOGUE_REFRESH_SECONDS,
                CATALOGUE_REFRESH_SECONDS,
                TimeUnit.SECONDS);
        return sampler;
    }
}
