package io.switchboard.contact.external;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lookup, answered from the cache when it can be, else through the circuit breaker from the external CRM.
 * Every failure becomes an {@link ExternalStatus#UNAVAILABLE} outcome and one log line; nothing is thrown.
 */
final class GuardedLookup {

    private static final Logger log = LoggerFactory.getLogger(GuardedLookup.class);

    private final ExternalCrmClient client;
    private final CircuitBreaker breaker;
    private final Cache<String, List<ExternalContact>> answers;
    private final Counter cacheHits;

    GuardedLookup(
            ExternalCrmClient client,
            CircuitBreaker breaker,
            Cache<String, List<ExternalContact>> answers,
            Counter cacheHits) {
        this.client = client;
        this.breaker = breaker;
        this.answers = answers;
        this.cacheHits = cacheHits;
    }

    ExternalLookup lookup(ExternalQuery query) {
        List<ExternalContact> cached = answers.getIfPresent(query.e164());
        if (cached != null) {
            cacheHits.increment();
            return ExternalLookup.answered(cached);
        }
        try {
            List<ExternalContact> found = breaker.executeSupplier(() -> client.lookup(query));
            answers.put(query.e164(), found);
            return ExternalLookup.answered(found);
        } catch (CallNotPermittedException e) {
            // The breaker's opening was logged once; each lookup it turns away is not.
            return ExternalLookup.unavailable(UnavailableReason.CIRCUIT_OPEN);
        } catch (LookupFailedException e) {
            if (e.reason() == UnavailableReason.CONNECTOR_ERROR) {
                log.warn("External CRM lookup at {} failed unexpectedly", client.endpoint(), e);
            } else {
                log.warn(
                        "External CRM lookup at {} unavailable ({}): {}",
                        client.endpoint(),
                        e.reason(),
                        e.getMessage());
            }
            return ExternalLookup.unavailable(e.reason());
        } catch (RuntimeException e) {
            log.warn("External CRM lookup at {} failed unexpectedly", client.endpoint(), e);
            return ExternalLookup.unavailable(UnavailableReason.CONNECTOR_ERROR);
        }
    }
}
