package io.switchboard.campaign.list;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.switchboard.campaign.CampaignProperties;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.LeadNumbers;
import io.switchboard.campaign.dnc.DoNotCall;
import io.switchboard.contact.NumberOwners;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** List import beans: the importer and the threads background imports run on. */
@Configuration(proxyBeanMethods = false)
public class ListConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService leadImportExecutor(CampaignProperties properties) {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(
                properties.importThreads(),
                properties.importThreads(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "lead-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Bean
    LeadImports leadImports(
            Campaigns campaigns,
            DoNotCall doNotCall,
            LeadNumbers numbers,
            NamedParameterJdbcTemplate jdbc,
            JdbcTemplate plainJdbc,
            NumberOwners owners,
            PlatformTransactionManager transactionManager,
            ExecutorService leadImportExecutor,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<Clock> clock,
            CampaignProperties properties) {
        return new LeadImports(
                campaigns,
                doNotCall,
                numbers,
                new ImportRecords(jdbc),
                new LeadBatchWriter(jdbc, new LeadInserts(plainJdbc, properties.importCopy()), owners),
                new TransactionTemplate(transactionManager),
                leadImportExecutor,
                meters.getIfAvailable(() -> Metrics.globalRegistry),
                clock.getIfUnique(Clock::systemUTC),
                new LeadImports.Settings(
                        properties.importBatchSize(), properties.fallbackTimezone(), properties.maxStoredRejections()));
    }
}
