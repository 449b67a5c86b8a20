package io.switchboard.contact;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.switchboard.contact.external.ExternalCrm;
import io.switchboard.directory.Directory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    private static final int CONTEXT_THREADS = 4;
    private static final int CONTEXT_QUEUE = 64;

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
                alongside());
    }

    /**
     * Threads that read a pop's history and contributed sections while the pop's own thread reads the contacts. Few,
     * since each holds a database connection while it works; when all are busy the pop reads them itself. Not a bean
     * (an {@code Executor} bean would replace Spring's task executor); idle threads end, so nothing needs closing.
     */
    private static ThreadPoolExecutor alongside() {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                CONTEXT_THREADS,
                CONTEXT_THREADS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(CONTEXT_QUEUE),
                runnable -> {
                    Thread thread = new Thread(runnable, "caller-context-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
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
