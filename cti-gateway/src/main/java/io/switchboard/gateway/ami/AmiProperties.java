package io.switchboard.gateway.ami;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach Asterisk's manager interface and how to talk to its agents' phones.
 *
 * @param enabled whether to connect at all (off for a webhook-only PBX)
 * @param secret the manager secret; it comes from configuration (environment, secrets file), never from code
 * @param handoffCapacity events buffered between the AMI reader and the call tracker thread; a burst larger than
 *     this is counted as dropped and logged
 * @param minBackoff first wait before reconnecting after the link drops; doubles per failed attempt
 * @param maxBackoff longest wait between reconnect attempts
 * @param maxLineLength longest AMI line accepted; longer lines are discarded, counted and logged
 * @param responseTimeout how long an action may wait for Asterisk's response
 * @param agentChannel dial string of an agent's phone, {@code {agent}} replaced by the extension (click-to-dial
 *     rings it first)
 * @param agentInterface queue member interface of an agent, as in queues.conf or QueueAdd
 * @param agentStateInterface device state interface of an agent (hint), for QueueAdd
 * @param outboundContext dialplan context that dials outside numbers
 * @param dialContext dialplan context that dials a customer first ({@link
 *     io.switchboard.gateway.call.PbxCommands#dial}): the originate's channel is {@code Local/<number>@<context>}
 * @param transferContext dialplan context that call control transfers to: an agent's extension or a queue's name
 *     as the extension ({@link io.switchboard.gateway.call.PbxCommands#redirect},
 *     {@link io.switchboard.gateway.call.PbxCommands#consult})
 */
@ConfigurationProperties("switchboard.ami")
public record AmiProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("5038") int port,
        @DefaultValue("switchboard") String username,
        String secret,
        @DefaultValue("100000") int handoffCapacity,
        @DefaultValue("100ms") Duration minBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("65536") int maxLineLength,
        @DefaultValue("5s") Duration responseTimeout,
        @DefaultValue("Local/{agent}@agent-sim") String agentChannel,
        @DefaultValue("Local/{agent}@agent-sim/n") String agentInterface,
        @DefaultValue("Custom:{agent}") String agentStateInterface,
        @DefaultValue("to-carrier") String outboundContext,
        @DefaultValue("campaign-out") String dialContext,
        @DefaultValue("transfer") String transferContext) {

    /** Checked when these settings are a link of their own (no {@code switchboard.pbxes} listed), not at binding. */
    AmiProperties requireSecret() {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(
                    "switchboard.ami.secret must be set (from the environment or a secrets file) when AMI is enabled"
                            + " and no switchboard.pbxes are listed");
        }
        return this;
    }

    /** Settings for connecting to a local AMI endpoint (the simulator, tests). */
    public static AmiProperties forLocal(int port, String username, String secret) {
        return new AmiProperties(
                true,
                "127.0.0.1",
                port,
                username,
                secret,
                100_000,
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                65_536,
                Duration.ofSeconds(5),
                "Local/{agent}@agent-sim",
                "Local/{agent}@agent-sim/n",
                "Custom:{agent}",
                "to-carrier",
                "campaign-out",
                "transfer");
    }

    String forAgent(String template, String agent) {
        return template.replace("{agent}", agent);
    }
}
