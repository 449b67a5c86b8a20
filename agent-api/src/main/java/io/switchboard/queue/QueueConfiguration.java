package io.switchboard.queue;

import io.switchboard.gateway.call.CallEventBus;
import java.time.Clock;
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
}
