package io.switchboard.reportmail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduled reports by e-mail (sent through Spring Boot's mail sender, configured with {@code spring.mail.*}).
 *
 * @param enabled send them at all (also needs {@code spring.mail.host}); subscriptions are kept either way
 * @param from the sender address
 * @param poll how often the node holding the reports lease looks for reports due
 * @param retryDelay after a failed send, the wait before the next attempt (times the attempts so far)
 * @param maxAttempts failed attempts after which a report is given up until its next regular time
 */
@ConfigurationProperties("switchboard.reports.mail")
public record ReportMailProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("switchboard@localhost") String from,
        @DefaultValue("1m") Duration poll,
        @DefaultValue("5m") Duration retryDelay,
        @DefaultValue("5") int maxAttempts) {}
