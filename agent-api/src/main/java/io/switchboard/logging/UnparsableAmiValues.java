package io.switchboard.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Marker;

/**
 * Asterisk-Java's EventAttributesHelper logs an ERROR with a full stack trace for every AMI field value it cannot
 * parse (a non-numeric ChannelState, a huge number): a PBX sending such values would flood the log (a fuzz run wrote
 * 423 MB). This filter, declared in logback-spring.xml, drops those records, counts them (exposed as the metric
 * {@code switchboard.ami.events.malformed}) and writes one short warning line at most once a minute instead. The
 * event itself is still delivered, with that field unset, which the call tracker tolerates.
 */
public final class UnparsableAmiValues extends TurboFilter {

    static final String SOURCE = "org.asteriskjava.manager.util.EventAttributesHelper";
    private static final long LOG_INTERVAL_MILLIS = 60_000;
    private static final int MAX_DETAIL = 160;
    /** Logback creates the filter from the configuration file; the count outlives a reconfiguration. */
    private static final AtomicLong COUNT = new AtomicLong();

    private final AtomicLong lastLogged = new AtomicLong();

    /** AMI field values Asterisk-Java could not parse since the application started. */
    public static long count() {
        return COUNT.get();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !SOURCE.equals(logger.getName()) || format == null) {
            return FilterReply.NEUTRAL;
        }
        if (level == Level.ERROR && format.startsWith("Unable to set")) {
            long total = COUNT.incrementAndGet();
            long now = System.currentTimeMillis();
            long last = lastLogged.get();
            if (now - last >= LOG_INTERVAL_MILLIS && lastLogged.compareAndSet(last, now)) {
                // through the context that asked: the line goes where the rest of the application's log goes
                logger.getLoggerContext()
                        .getLogger(UnparsableAmiValues.class)
                        .warn(
                                "AMI field value not understood, field left unset ({} so far, see metric"
                                        + " switchboard.ami.events.malformed; at most one line a minute): {}{}",
                                total,
                                shortened(format),
                                t == null ? "" : " (" + t.getClass().getSimpleName() + ")");
            }
        }
        // nothing else this class logs is worth a stack trace per event either; warnings pass at their level
        return level == Level.ERROR ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static String shortened(String message) {
        return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "…";
    }
}
