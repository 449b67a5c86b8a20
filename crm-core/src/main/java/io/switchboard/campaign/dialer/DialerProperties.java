package io.switchboard.campaign.dialer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbound dialer runs.
 *
 * @param enabled whether this node may dial at all (the lease still decides which node does)
 * @param tick how often running campaigns are paced
 * @param lease how long the dialer lease lasts without renewal: another node takes over after it expires
 * @param ringTimeout how long a customer's phone rings before the attempt counts as no answer
 * @param connectContext the dialplan context an answered campaign call continues in (AMD, then the campaign queue)
 * @param wrapUp the campaign queues' {@code wrapuptime}: an agent is busy this long after a call, for the pacer's
 *     handle time
 * @param dispositionTimeout an answered call its agent has not disposed this long after it ended is closed as
 *     {@code NO_DISPOSITION} and its lead done
 * @param lostAfter an attempt with no outcome this long after it was placed lost its PBX events: it is ended as
 *     failed so the lead is not held forever
 * @param confirmWithin a dial request the PBX never answered (the dialing node stopped, the link's owner did not
 *     reply) whose call has not shown up this long after it was asked for never reached the PBX: it is given back and
 *     dialled again, once. Also the longest a stopping dialer waits for the answers to the dials it sent
 */
@ConfigurationProperties("switchboard.dialer")
public record DialerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("250ms") Duration tick,
        @DefaultValue("15s") Duration lease,
        @DefaultValue("25s") Duration ringTimeout,
        @DefaultValue("campaign-connect") String connectContext,
        @DefaultValue("10s") Duration wrapUp,
        @DefaultValue("10m") Duration dispositionTimeout,
        @DefaultValue("15m") Duration lostAfter,
        @DefaultValue("10s") Duration confirmWithin) {}
