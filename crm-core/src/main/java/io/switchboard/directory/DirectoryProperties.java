package io.switchboard.directory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The directory's settings.
 *
 * @param scopeRefresh how old this node's copy of the teams' assigned supervisors may be before it is read again: a
 *     change made on another node reaches this one within that time (a change made here applies at once)
 */
@ConfigurationProperties("switchboard.directory")
public record DirectoryProperties(@DefaultValue("5s") Duration scopeRefresh) {

    public DirectoryProperties {
        if (scopeRefresh == null || scopeRefresh.isNegative()) {
            throw new IllegalArgumentException("switchboard.directory.scope-refresh must not be negative");
        }
    }
}
