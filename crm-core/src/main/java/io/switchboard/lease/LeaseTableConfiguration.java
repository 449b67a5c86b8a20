package io.switchboard.lease;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The view of every lease, whatever the cluster settings (one node holds the dialer lease too). */
@Configuration(proxyBeanMethods = false)
class LeaseTableConfiguration {

    /** On the application's clock when it has one, as the dialer's and the reports' leases are written. */
    @Bean
    LeaseTable leaseTable(NamedParameterJdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        return new LeaseTable(jdbc, clock.getIfUnique(Clock::systemUTC));
    }
}
