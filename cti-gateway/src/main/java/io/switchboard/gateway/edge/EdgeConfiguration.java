package io.switchboard.gateway.edge;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the CTI edge when {@code switchboard.edge.enabled} is true: the token issuer for
 * {@code POST /api/v1/cti/token}, and the WebSocket server, bound when the context starts (a port that cannot be
 * bound fails the startup) and closed with it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.edge.enabled", havingValue = "true")
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeConfiguration {

    @Bean
    EdgeTokens edgeTokens(EdgeProperties properties) {
        return new EdgeTokens(properties.tokenSecret(), properties.tokenTtl());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    CtiEdge ctiEdge(EdgeProperties properties, EdgeTokens tokens, MeterRegistry registry) {
        return new CtiEdge(properties, tokens, registry);
    }
}
