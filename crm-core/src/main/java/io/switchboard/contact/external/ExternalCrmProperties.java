package io.switchboard.contact.external;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional connector to a CRM the site already keeps its customers in. Off by default; when off, pops are
 * built from the local contacts alone and no HTTP request is ever made.
 *
 * @param enabled look callers up in the external CRM as well
 * @param source the name pops show for records from there ({@code ExternalContact.source})
 * @param urlTemplate the lookup URL, with {@code {e164}}, {@code {national}} or {@code {raw}} standing for the
 *     caller's number (URL-encoded when filled in); required when enabled
 * @param authHeader the name of a header sent with every lookup, e.g. {@code Authorization}; optional
 * @param authValue its value, e.g. {@code Bearer ${CRM_TOKEN}}; a secret, never logged
 * @param connectTimeout how long opening a connection may take
 * @param readTimeout how long the answer may take once asked; also how long a pop waits for the external CRM at
 *     most, counted from the start of the pop's lookup
 * @param maxRecords records of one answer that are kept; more are ignored
 * @param maxConcurrentLookups lookups in flight at once (threads); as many more may wait, further ones are turned
 *     away as unavailable rather than queued behind a slow CRM
 */
@ConfigurationProperties("switchboard.crm.external")
record ExternalCrmProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("external-crm") String source,
        String urlTemplate,
        String authHeader,
        String authValue,
        @DefaultValue("300ms") Duration connectTimeout,
        @DefaultValue("800ms") Duration readTimeout,
        @DefaultValue("20") int maxRecords,
        @DefaultValue("4") int maxConcurrentLookups,
        @DefaultValue Mapping mapping,
        @DefaultValue Cache cache,
        @DefaultValue Breaker circuitBreaker) {

    private static final String PREFIX = "switchboard.crm.external.";

    ExternalCrmProperties {
        if (enabled) {
            require(urlTemplate != null && !urlTemplate.isBlank(), "url-template is required when enabled");
            checked(() -> UrlTemplate.check(urlTemplate), "");
        }
        require(blank(authHeader) == blank(authValue), "auth-header and auth-value go together: set both or neither");
        require(positive(connectTimeout), "connect-timeout must be positive");
        require(positive(readTimeout), "read-timeout must be positive");
        require(maxRecords >= 1 && maxRecords <= 100, "max-records must be between 1 and 100");
        require(
                maxConcurrentLookups >= 1 && maxConcurrentLookups <= 64,
                "max-concurrent-lookups must be between 1 and 64");
    }

    /**
     * Where the fields of an answer are. Each is a JSON pointer ({@code /data/0/name}) or a dotted path
     * ({@code customer.name}); a blank one is not mapped.
     *
     * @param records where the array of matching records is; blank means the answer itself (an array, or one
     *     object for one record)
     * @param id the record's id in the other CRM, relative to a record, as are the others
     * @param url a link that opens the record in the other CRM
     */
    record Mapping(
            String records,
            @DefaultValue("id") String id,
            @DefaultValue("name") String name,
            @DefaultValue("company") String company,
            @DefaultValue("email") String email,
            @DefaultValue("phone") String phone,
            @DefaultValue("url") String url) {

        Mapping {
            for (String path : new String[] {records, id, name, company, email, phone, url}) {
                checked(() -> FieldPath.of(path), "mapping: ");
            }
        }
    }

    /**
     * Answers (found and not found alike) kept for repeat calls; failures are never kept.
     *
     * @param ttl how long an answer is reused; zero keeps none
     * @param size answers kept at most
     */
    record Cache(
            @DefaultValue("60s") Duration ttl,
            @DefaultValue("10000") long size) {

        Cache {
            require(ttl != null && !ttl.isNegative(), "cache.ttl must not be negative");
            require(size >= 0, "cache.size must not be negative");
        }
    }

    /**
     * When to stop asking a failing CRM. The breaker judges once {@code slidingWindowSize} calls are recorded.
     *
     * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
     * @param slidingWindowSize the last this many calls are judged
     * @param waitInOpenState how long an open breaker turns lookups away before letting probes through
     * @param halfOpenCalls probes let through to decide whether to close again
     */
    record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("30s") Duration waitInOpenState,
            @DefaultValue("3") int halfOpenCalls) {

        Breaker {
            require(
                    failureRateThreshold > 0 && failureRateThreshold <= 100,
                    "circuit-breaker.failure-rate-threshold must be above 0 and at most 100");
            require(slidingWindowSize >= 1, "circuit-breaker.sliding-window-size must be at least 1");
            require(positive(waitInOpenState), "circuit-breaker.wait-in-open-state must be positive");
            require(halfOpenCalls >= 1, "circuit-breaker.half-open-calls must be at least 1");
        }
    }

    boolean authenticated() {
        return !blank(authHeader);
    }

    // The secret must not reach a log line or an actuator page through a record's generated toString.
    @Override
    public String toString() {
        return "ExternalCrmProperties[enabled=" + enabled + ", urlTemplate=" + urlTemplate + ", authHeader="
                + authHeader + ", authValue=" + (blank(authValue) ? "" : "******") + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    // The checks' own messages name the value; this adds where it is configured.
    private static void checked(Runnable check, String property) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + property + e.getMessage());
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(PREFIX + problem);
        }
    }
}
