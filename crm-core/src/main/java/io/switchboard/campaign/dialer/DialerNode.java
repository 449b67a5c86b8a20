package io.switchboard.campaign.dialer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The node a dialer runs on.
 *
 * @param name this node in the dialer lease
 * @param zone where a campaign's day (and so its abandon budget) starts and ends
 * @param registry where the dialer's gauges and counters go
 */
public record DialerNode(String name, Clock clock, ZoneId zone, MeterRegistry registry) {}
