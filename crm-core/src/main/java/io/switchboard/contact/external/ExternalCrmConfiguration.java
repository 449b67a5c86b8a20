package io.switchboard.contact.external;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the external CRM connector when {@code switchboard.crm.external.enabled} is set. Without it there is no
 * {@link ExternalCrm} bean and pops use {@link ExternalCrm#NOT_CONFIGURED}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExternalCrmProperties.class)
class ExternalCrmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExternalCrmConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty("switchboard.crm.external.enabled")
    ExternalCrm externalCrm(ExternalCrmProperties properties, ObjectProvider<MeterRegistry> meters) {
        return connector(properties, meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /** The connector as the application runs it; tests build it the same way without Spring. */
    static DeadlineExternalCrm connector(ExternalCrmProperties properties, MeterRegistry meters) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(breakerConfig(properties.circuitBreaker()));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        CircuitBreaker breaker = breakers.circuitBreaker(properties.source());
        breaker.getEventPublisher().onStateTransition(ExternalCrmConfiguration::logTransition);
        Cache<String, List<ExternalContact>> answers = Caffeine.newBuilder()
                .expireAfterWrite(properties.cache().ttl())
                .maximumSize(properties.cache().size())
                .build();
        Counter cacheHits = Counter.builder("switchboard.crm.external.cache.hits")
                .description("External CRM lookups answered from the cache")
                .register(meters);
        GuardedLookup lookup = new GuardedLookup(new ExternalCrmClient(properties), breaker, answers, cacheHits);
        return new DeadlineExternalCrm(lookup, properties.readTimeout(), properties.maxConcurrentLookups(), meters);
    }

    private static CircuitBreakerConfig breakerConfig(ExternalCrmProperties.Breaker breaker) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.slidingWindowSize())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .build();
    }

    private static void logTransition(CircuitBreakerOnStateTransitionEvent event) {
        CircuitBreaker.StateTransition transition = event.getStateTransition();
        if (transition.getToState() == CircuitBreaker.State.OPEN) {
            log.warn("External CRM circuit breaker opened: too many lookups failed; pops go out without it for now");
        } else {
            log.info("External CRM circuit breaker {} -> {}", transition.getFromState(), transition.getToState());
        }
    }
}
