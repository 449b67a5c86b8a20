package io.switchboard.queue;

import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.live.LiveBoard;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueueProperties.class)
class QueueConfiguration {

    /** Listens first, then counts what ended before from the database: no call is missed or counted twice. */
    @Bean
    QueueStatistics queueStatistics(QueueProperties properties, CallEventBus bus, JdbcTemplate jdbc) {
        Clock clock = Clock.systemUTC();
        QueueStatistics statistics = new QueueStatistics(properties, clock, clock.instant());
        bus.subscribe("queue-statistics", 10_000, statistics);
        statistics.rebuild(jdbc);
        return statistics;
    }

    @Bean
    QueueTimeline queueTimeline(
            LiveBoard board, QueueStatistics statistics, QueueProperties properties, JdbcTemplate jdbc) {
        QueueTimeline timeline = new QueueTimeline(board, statistics, properties, Clock.systemUTC());
        timeline.rebuild(jdbc);
        return timeline;
    }

    /** Samples the queues once a minute for the wallboard's chart, on a daemon thread of its own. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService queueTimelineSampler(QueueTimeline timeline, QueueProperties properties) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "queue-timeline");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sampleInterval().toMillis();
        sampler.scheduleAtFixedRate(timeline::sample, 0, every, TimeUnit.MILLISECONDS);
        return sampler;
    }
}
