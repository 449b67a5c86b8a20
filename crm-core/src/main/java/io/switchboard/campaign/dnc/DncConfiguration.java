package io.switchboard.campaign.dnc;

import io.switchboard.campaign.LeadNumbers;
import io.switchboard.directory.AuditLog;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The do-not-call lists' bean. */
@Configuration(proxyBeanMethods = false)
public class DncConfiguration {

    @Bean
    DoNotCall doNotCall(
            NamedParameterJdbcTemplate jdbc, LeadNumbers numbers, ObjectProvider<Clock> clock, AuditLog audit) {
        return new DoNotCall(jdbc, numbers, clock.getIfUnique(Clock::systemUTC), audit);
    }
}
