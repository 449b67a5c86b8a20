package io.switchboard.gateway.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallModelConfiguration;
import io.switchboard.gateway.call.CallTrackerSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Listens for PBX webhook events when {@code switchboard.webhook.enabled} is true; the calls they describe are
 * published on the same call event bus as Asterisk's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.webhook.enabled", havingValue = "true")
@EnableConfigurationProperties(WebhookProperties.class)
@Import(CallModelConfiguration.class)
public class WebhookConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    WebhookGateway webhookGateway(
            WebhookProperties properties, CallTrackerSettings settings, CallEventBus bus, MeterRegistry registry) {
        return new WebhookGateway(properties, settings, bus, registry);
    }

    @Bean
    WebhookHealthIndicator webhookHealthIndicator(WebhookGateway gateway, WebhookProperties properties) {
        return new WebhookHealthIndicator(gateway, properties);
    }
}
