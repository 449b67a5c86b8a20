package io.switchboard.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %m}, {@code %msg} and {@code %message} in every appender's pattern (see {@code logback-spring.xml}): the
 * formatted message with its line breaks escaped. Done here rather than at each call site so that no log statement
 * can forget it, whatever pattern an operator configures.
 */
public final class OneLineMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return OneLine.of(super.convert(event));
    }
}
