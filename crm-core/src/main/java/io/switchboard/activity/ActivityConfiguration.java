package io.switchboard.activity;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NumberOwners;
import io.switchboard.directory.Directory;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The activity package's beans; the recorder listens to the call event bus when the application has one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ActivityProperties.class)
public class ActivityConfiguration {

    @Bean
    ActivityMetrics activityMetrics(ObjectProvider<MeterRegistry> meters) {
        return new ActivityMetrics(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ActivityRecorder activityRecorder(
            JdbcTemplate jdbc,
            NumberOwners owners,
            Directory directory,
            ActivityMetrics metrics,
            ActivityProperties properties,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<CallEventBus> bus,
            PlatformTransactionManager transactions,
            ObjectProvider<QueueMeasuresListener> measures) {
        ActivityRecorder recorder = new ActivityRecorder(
                new CallParties(owners, directory),
                new ActivityInserts(
                        jdbc,
                        new TransactionTemplate(transactions),
                        measures.getIfAvailable(() -> QueueMeasuresListener.NONE),
                        Clock.systemUTC()),
                metrics,
                properties,
                meters.getIfAvailable(() -> Metrics.globalRegistry));
        // inline: recording only queues the call in the recorder's own buffer, so it needs no queue of the bus's
        bus.ifAvailable(events -> events.subscribe("activities", CallEventDelivery.inline(), recorder.handlers()));
        return recorder;
    }

    @Bean
    QueueCallLog queueCallLog(JdbcTemplate jdbc) {
        return new QueueCallLog(jdbc);
    }

    @Bean
    ActivityHistory activityHistory(NamedParameterJdbcTemplate jdbc, ActivityProperties properties) {
        return new ActivityHistory(jdbc, properties);
    }

    @Bean
    ActivityDispositions activityDispositions(
            NamedParameterJdbcTemplate jdbc,
            ActivityHistory history,
            Contacts contacts,
            ActivityProperties properties,
            ActivityMetrics metrics) {
        return new ActivityDispositions(jdbc, history, contacts, properties, metrics, Clock.systemUTC());
    }
}
