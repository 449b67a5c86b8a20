package io.switchboard.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.util.EventAttributesHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An AMI field value Asterisk-Java cannot parse costs one short log line a minute and a count in
 * {@code switchboard.ami.events.malformed}, not an ERROR with a stack trace per value.
 */
class UnparsableAmiValuesTest {

    /** What Asterisk-Java's EventAttributesHelper does with a value it cannot parse, through the real library. */
    private static void buildNewstateWithChannelState(String value) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("channelstate", value);
        attributes.put("uniqueid", "1700000000.1");
        EventAttributesHelper.setAttributes(new NewStateEvent(new Object()), attributes, Set.of());
    }

    @Test
    void asteriskJavaLogsAnErrorWithAStackTraceForAnUnparsableValue() {
        // the behaviour this filter exists for; if a new Asterisk-Java stops doing this, the filter can go.
        // An application context started earlier in the same JVM installed the filter globally: take it out here.
        LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<TurboFilter> installed = global.getTurboFilterList().stream()
                .filter(UnparsableAmiValues.class::isInstance)
                .toList();
        global.getTurboFilterList().removeAll(installed);
        ListAppender<ILoggingEvent> seen = listen(UnparsableAmiValues.SOURCE);
        try {
            buildNewstateWithChannelState("NaN");
        } finally {
            stopListening(UnparsableAmiValues.SOURCE, seen);
            global.getTurboFilterList().addAll(installed);
        }
        assertThat(seen.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
            assertThat(event.getThrowableProxy()).isNotNull();
        });
    }

    @Test
    void theFilterDropsTheRecordAndCountsIt() {
        LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();
        UnparsableAmiValues filter = new UnparsableAmiValues();
        filter.setContext(global);
        filter.start();
        global.addTurboFilter(filter);
        ListAppender<ILoggingEvent> seen = listen(UnparsableAmiValues.SOURCE);
        long before = UnparsableAmiValues.count();
        try {
            buildNewstateWithChannelState("NaN");
            buildNewstateWithChannelState("x".repeat(70_000));
        } finally {
            global.getTurboFilterList().remove(filter);
            stopListening(UnparsableAmiValues.SOURCE, seen);
        }
        assertThat(seen.list).isEmpty();
        assertThat(UnparsableAmiValues.count() - before).isEqualTo(2);

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new AmiLoggingMetrics().unparsableAmiValues().bindTo(registry);
        assertThat(registry.get("switchboard.ami.events.malformed")
                        .functionCounter()
                        .count())
                .isEqualTo(UnparsableAmiValues.count());
    }

    @Test
    void theApplicationsLoggingConfigurationWritesOneShortLineForManyValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("switchboard.log");
        LoggerContext context = configured(file);
        Logger helper = context.getLogger(UnparsableAmiValues.SOURCE);
        long before = UnparsableAmiValues.count();

        // the record as Asterisk-Java writes it (its Slf4JLogger passes message and exception through)
        for (int i = 0; i < 100; i++) {
            helper.error(
                    "Unable to set property 'channelstate' to '" + "9".repeat(70_000) + "' on "
                            + NewStateEvent.class.getName(),
                    new java.lang.reflect.InvocationTargetException(new NumberFormatException("For input string")));
        }
        context.stop();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line)
                    .contains("WARN")
                    .contains("switchboard.ami.events.malformed")
                    .contains("'channelstate'");
            assertThat(line.length()).isLessThan(500);
        });
        assertThat(UnparsableAmiValues.count() - before).isEqualTo(100);
    }

    private static ListAppender<ILoggingEvent> listen(String loggerName) {
        LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(global);
        appender.start();
        global.getLogger(loggerName).addAppender(appender);
        return appender;
    }

    private static void stopListening(String loggerName, ListAppender<ILoggingEvent> appender) {
        LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();
        global.getLogger(loggerName).detachAppender(appender);
        appender.stop();
    }

    private static LoggerContext configured(Path file) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        System.setProperty("LOG_FILE", file.toString());
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(UnparsableAmiValuesTest.class.getResource("/logback-spring.xml"));
        } finally {
            System.clearProperty("LOG_FILE");
        }
        context.start();
        return context;
    }
}
