package io.switchboard.lease;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** PBX links owned through leases in the shared database: the gateway opens a link only on its owner. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinkLeaseProperties.class)
class LeaseConfiguration {

    /**
     * On the system clock, not the application's: leases are compared across nodes and must expire in real time even
     * where a test moves the application's clock.
     */
    @Bean(destroyMethod = "close")
    LeaseLinkOwnership linkOwnership(NamedParameterJdbcTemplate jdbc, LinkLeaseProperties properties) {
        return new LeaseLinkOwnership(jdbc, Clock.systemUTC(), properties.node(), properties.ttl());
    }
}
