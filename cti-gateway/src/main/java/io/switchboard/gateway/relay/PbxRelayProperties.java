package io.switchboard.gateway.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Commands relayed to the node owning a PBX's link ({@code switchboard.cluster.commands.*}).
 *
 * @param timeout how long a node waits for the owner's answer before the command fails with a 503 naming the PBX;
 *     longer than {@code switchboard.ami.response-timeout} (5 s), so that a PBX that is merely slow is reported as
 *     such by its owner rather than as a missing owner
 */
@ConfigurationProperties("switchboard.cluster.commands")
public record PbxRelayProperties(@DefaultValue("7s") Duration timeout) {

    public PbxRelayProperties {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("switchboard.cluster.commands.timeout must be positive, got " + timeout);
        }
    }
}
