package io.switchboard.gateway.ami;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Several PBXes ({@code switchboard.pbxes[n].*}); when none is listed, the single {@code switchboard.ami} link is the
 * PBX {@code default}. Whatever an entry leaves out (contexts, timeouts, agent dial strings) comes from {@code
 * switchboard.ami}.
 */
@ConfigurationProperties("switchboard")
public record PbxLinksProperties(List<Pbx> pbxes) {

    public PbxLinksProperties {
        pbxes = pbxes == null ? List.of() : List.copyOf(pbxes);
        long distinct = pbxes.stream().map(Pbx::id).distinct().count();
        if (distinct != pbxes.size()) {
            throw new IllegalArgumentException("switchboard.pbxes: every PBX needs an id of its own");
        }
    }

    /**
     * @param id the PBX's name in call ids ({@code <id>:<linkedid>}), leases ({@code ami-link:<id>}), metrics and
     *     health: letters, digits, dash and underscore
     * @param host the manager interface's host
     * @param port the manager interface's port (5038 when left out)
     * @param username the manager account
     * @param secret the manager secret, from the environment or a secrets file
     * @param dialContext {@code switchboard.ami.dial-context} for this PBX
     * @param transferContext {@code switchboard.ami.transfer-context} for this PBX
     * @param outboundContext {@code switchboard.ami.outbound-context} for this PBX
     * @param maxConcurrentCalls the trunk's limit: the most campaign calls the dialer keeps up on this PBX at once,
     *     all campaigns together (unset or 0: no limit)
     */
    public record Pbx(
            String id,
            String host,
            Integer port,
            String username,
            String secret,
            String dialContext,
            String transferContext,
            String outboundContext,
            Integer maxConcurrentCalls) {

        public Pbx {
            if (id == null || !id.matches("[A-Za-z0-9_-]{1,40}")) {
                throw new IllegalArgumentException(
                        "switchboard.pbxes[].id must be 1 to 40 letters, digits, '-' or '_', was " + id);
            }
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("switchboard.pbxes[" + id + "].host must be set");
            }
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("switchboard.pbxes[" + id + "].secret must be set");
            }
            if (maxConcurrentCalls != null && maxConcurrentCalls < 0) {
                throw new IllegalArgumentException("switchboard.pbxes[" + id
                        + "].max-concurrent-calls must not be negative, was " + maxConcurrentCalls);
            }
        }

        int maxConcurrentCallsOrNone() {
            return maxConcurrentCalls == null ? 0 : maxConcurrentCalls;
        }

        /** This PBX's link settings: its own address and account, everything else as {@code switchboard.ami}. */
        AmiProperties over(AmiProperties ami) {
            return new AmiProperties(
                    true,
                    host,
                    port == null ? 5038 : port,
                    username == null ? ami.username() : username,
                    secret,
                    ami.handoffCapacity(),
                    ami.minBackoff(),
                    ami.maxBackoff(),
                    ami.maxLineLength(),
                    ami.responseTimeout(),
                    ami.agentChannel(),
                    ami.agentInterface(),
                    ami.agentStateInterface(),
                    outboundContext == null ? ami.outboundContext() : outboundContext,
                    dialContext == null ? ami.dialContext() : dialContext,
                    transferContext == null ? ami.transferContext() : transferContext);
        }
    }
}
