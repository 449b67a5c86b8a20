package io.switchboard.gateway.call;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the tracker reads a PBX's calls.
 *
 * @param inboundContexts dialplan contexts where calls from outside arrive; a call whose first channel starts in
 *     one of them is inbound
 * @param maxExtensionLength the longest internal extension; longer numbers are outside numbers, and only channels
 *     named after an extension of at most this many digits are agent phones
 * @param recentlyEndedCapacity how many ended channel and call ids to remember against late or replayed events
 */
@ConfigurationProperties("switchboard.calls")
public record CallTrackerSettings(
        @DefaultValue({"from-trunk", "from-pstn", "from-external", "from-did", "from-carrier"})
        List<String> inboundContexts,

        @DefaultValue("6") int maxExtensionLength,
        @DefaultValue("50000") int recentlyEndedCapacity) {

    public static CallTrackerSettings defaults() {
        return new CallTrackerSettings(
                List.of("from-trunk", "from-pstn", "from-external", "from-did", "from-carrier"), 6, 50_000);
    }

    Set<String> inboundContextSet() {
        return Set.copyOf(inboundContexts);
    }
}
