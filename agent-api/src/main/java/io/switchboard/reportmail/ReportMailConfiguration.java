package io.switchboard.reportmail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.switchboard.directory.Directory;
import io.switchboard.gateway.cluster.NodeId;
import io.switchboard.lease.Lease;
import io.switchboard.lease.LeaseHolder;
import io.switchboard.queue.QueueProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Scheduled reports: subscriptions are kept whatever the mail setup; they are sent when Spring Boot has a mail
 * sender ({@code spring.mail.host}) and {@code switchboard.reports.mail.enabled} is on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportMailProperties.class)
class ReportMailConfiguration {

    @Bean
    ReportSubscriptions reportSubscriptions(
            NamedParameterJdbcTemplate jdbc, ReportCsv reports, QueueProperties queues, ObjectProvider<Clock> clock) {
        return new ReportSubscriptions(
                new SubscriptionStore(jdbc), reports, queues.zone(), clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    ReportMailer reportMailer(
            ReportSubscriptions subscriptions,
            ReportCsv reports,
            Directory directory,
            ObjectProvider<JavaMailSender> sender,
            NamedParameterJdbcTemplate jdbc,
            ReportMailProperties properties,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<NodeId> nodeId) {
        return new ReportMailer(
                subscriptions,
                reports,
                directory,
                sender.getIfAvailable(),
                new Lease(jdbc, clock.getIfUnique(Clock::systemUTC), Lease.REPORTS),
                LeaseHolder.of(nodeId.getIfAvailable()),
                properties,
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean(destroyMethod = "close")
    ReportMailSchedule reportMailSchedule(
            ReportMailer mailer, ReportMailProperties properties, ObjectProvider<Clock> clock) {
        ReportMailSchedule schedule = new ReportMailSchedule(mailer, clock.getIfUnique(Clock::systemUTC));
        if (properties.enabled() && mailer.canSend()) {
            schedule.start(properties.poll().toMillis());
        }
        return schedule;
    }
}
