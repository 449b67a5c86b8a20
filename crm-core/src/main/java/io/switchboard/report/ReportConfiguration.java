package io.switchboard.report;

import io.switchboard.activity.ActivityHistory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The report package's beans. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    @Bean
    CallHistory callHistory(JdbcTemplate jdbc, PlatformTransactionManager transactions, ActivityHistory activities) {
        return new CallHistory(jdbc, new TransactionTemplate(transactions), activities);
    }

    @Bean
    QueueRollup queueRollup(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new QueueRollup(jdbc, new TransactionTemplate(transactions));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    QueueRollupBackfill queueRollupBackfill(QueueRollup rollup) {
        return new QueueRollupBackfill(rollup);
    }
}
