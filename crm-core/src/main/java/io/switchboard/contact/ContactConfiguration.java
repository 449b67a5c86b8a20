package io.switchboard.contact;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.switchboard.contact.external.ExternalCrm;
import io.switchboard.directory.Directory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contact package's beans. Entities and repositories are found through the application's auto-configuration
 * package ({@code io.switchboard}); {@link Contacts} and the directory are components.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContactProperties.class)
public class ContactConfiguration {

    @Bean
    PhoneNormalizer phoneNormalizer(ContactProperties properties) {
        return new PhoneNormalizer(properties.defaultRegion());
    }

    @Bean
    CallerLookup callerLookup(
            PhoneNormalizer normalizer,
            ContactProperties properties,
            NamedParameterJdbcTemplate jdbc,
            ObjectProvider<MeterRegistry> meters) {
        return new RankedCallerLookup(
                normalizer,
                properties,
                new CallerMatchQueries(jdbc),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /**
     * History comes from the activity package's {@link RecentActivities} bean; until there is one, pops show none.
     * The external CRM is asked only when {@code switchboard.crm.external.enabled} made an {@link ExternalCrm}.
     */
    @Bean
    CallerContexts callerContexts(
            CallerLookup lookup,
            Contacts contacts,
            ObjectProvider<RecentActivities> activities,
            ObjectProvider<CallerContextContributor> contributors,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ExternalCrm> externalCrm,
            PhoneNormalizer normalizer,
            ContactProperties properties) {
        return new CallerContexts(
                lookup,
                contacts,
                activities.getIfAvailable(() -> RecentActivities.NONE),
                contributors.orderedStream().toList(),
                meters.getIfAvailable(() -> Metrics.globalRegistry),
                properties.recentActivities(),
                new ExternalCallers(
                        externalCrm.getIfAvailable(() -> ExternalCrm.NOT_CONFIGURED), normalizer, properties),
                // The pop's own thread reads the history and the contributed sections after the contacts. Reading
                // them on helper threads alongside saved a query's time when a CPU was free, but on a small server the
                // hand-offs cost more: the pop benchmark's p99 went from 19-21 ms to 15 ms without them.
                Runnable::run);
    }

    @Bean
    ContactImporter contactImporter(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            PhoneNormalizer normalizer,
            Directory directory,
            ContactProperties properties) {
        return new ContactImporter(
                jdbc, new TransactionTemplate(transactionManager), normalizer, directory, properties);
    }
}
