package io.switchboard.campaign;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.switchboard.contact.ContactProperties;
import io.switchboard.directory.AuditLog;
import io.switchboard.directory.Directory;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventSource;
import io.switchboard.gateway.worker.Overflow;
import io.switchboard.lease.Lease;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaign package's beans. Time comes from the application's {@link Clock} bean when it has exactly one (tests
 * move it), else the system clock in UTC.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CampaignProperties.class)
class CampaignConfiguration {

    @Bean
    LeadNumbers leadNumbers(CampaignProperties properties, ObjectProvider<ContactProperties> contacts) {
        String region = properties.defaultRegion() != null
                ? properties.defaultRegion()
                : contacts.getIfAvailable(ContactProperties::defaults).defaultRegion();
        return new LeadNumbers(region);
    }

    @Bean
    CampaignMetrics campaignMetrics(ObjectProvider<MeterRegistry> meters) {
        return new CampaignMetrics(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    Campaigns campaigns(
            NamedParameterJdbcTemplate jdbc,
            Directory directory,
            PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock,
            AuditLog audit) {
        return new Campaigns(
                new CampaignStore(jdbc), directory, new TransactionTemplate(transactionManager), clock(clock), audit);
    }

    @Bean
    LeadQueue leadQueue(
            NamedParameterJdbcTemplate jdbc,
            Campaigns campaigns,
            DoNotCallLists doNotCall,
            Directory directory,
            PlatformTransactionManager transactionManager,
            CampaignMetrics metrics,
            ObjectProvider<Clock> clock) {
        return new LeadQueue(
                jdbc,
                campaigns,
                doNotCall,
                directory,
                new TransactionTemplate(transactionManager),
                metrics,
                clock(clock));
    }

    @Bean
    CampaignReports campaignReports(
            NamedParameterJdbcTemplate jdbc, Campaigns campaigns, CampaignProperties properties) {
        return new CampaignReports(jdbc, campaigns, properties.reportingZoneId());
    }

    @Bean
    CampaignDailyReports campaignDailyReports(NamedParameterJdbcTemplate jdbc, CampaignProperties properties) {
        return new CampaignDailyReports(jdbc, properties.reportingZoneId());
    }

    /**
     * Campaign calls by call id, for the agent's desktop; fed by the call event bus when there is one, with the events
     * of every node's PBX links (the agent's desktop may ask any node about a call on a link another node owns).
     */
    @Bean
    CampaignCalls campaignCalls(ObjectProvider<CallEventBus> bus, ObjectProvider<Clock> clock) {
        CampaignCalls calls = new CampaignCalls(clock(clock));
        bus.ifAvailable(events -> events.subscribe(
                "campaign-calls",
                CallEventSource.EVERY_NODE,
                CallEventDelivery.queued(10_000, Overflow.DROP_NEWEST),
                calls.handlers()));
        return calls;
    }

    @Bean
    OpenAttempts openAttempts(NamedParameterJdbcTemplate jdbc) {
        return new OpenAttempts(jdbc);
    }

    /** The lease of the dialer loop ({@link Lease#DIALER}). */
    @Bean
    Lease dialerLease(NamedParameterJdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        return new Lease(jdbc, clock(clock), Lease.DIALER);
    }

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }
}
