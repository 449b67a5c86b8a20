package io.switchboard.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's logging configuration, loaded as the application loads it, writing to a file: text from outside
 * stays on its own line in the message and in an exception's message, and the file appender exists only when a file
 * is configured.
 */
class OneLineLoggingTest {

    private static final String FORGED = "2026-12-06T23:59:59.000Z ERROR 1 --- [main] security : admin logged in";

    @Test
    void lineBreaksFromOutsideAreEscapedInTheLogFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("switchboard.log");
        LoggerContext context = configured(file);
        Logger log = context.getLogger("io.switchboard.calls");

        log.info("Call from {}", "Eve\r\n" + FORGED);
        log.warn("Import failed", new IllegalArgumentException("invalid email 'x\n" + FORGED + "'"));
        context.stop();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).noneMatch(line -> line.startsWith(FORGED));
        assertThat(String.join("\n", lines))
                .contains("Call from Eve\\r\\n" + FORGED)
                .contains("invalid email 'x\\n" + FORGED)
                // the stack trace itself keeps its lines
                .contains("\tat io.switchboard.logging.OneLineLoggingTest");
    }

    @Test
    void noFileIsWrittenUnlessOneIsConfigured() throws Exception {
        LoggerContext context = configured(null);

        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE"))
                .isNull();
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE"))
                .isNotNull();
        context.stop();
    }

    private static LoggerContext configured(Path file) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        // as Spring Boot passes logging.file.name to the configuration: a system property
        if (file != null) {
            System.setProperty("LOG_FILE", file.toString());
        }
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(OneLineLoggingTest.class.getResource("/logback-spring.xml"));
        } finally {
            System.clearProperty("LOG_FILE");
        }
        context.start();
        return context;
    }
}
