package io.switchboard.asterisk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the tests find a real Asterisk 22: the system property {@code switchboard.it.asterisk} or the environment
 * variable {@code SWITCHBOARD_IT_ASTERISK}, the path of its {@code asterisk} binary (for example
 * {@code /opt/asterisk/sbin/asterisk}). Without one the suite is skipped, saying so, except with {@code CI=true},
 * where a missing Asterisk is a failure: CI must not pass by running nothing.
 */
public final class AsteriskSetting {

    public static final String PROPERTY = "switchboard.it.asterisk";
    public static final String ENVIRONMENT = "SWITCHBOARD_IT_ASTERISK";

    private AsteriskSetting() {}

    /** The binary, when one is configured and executable; a configured path that is not one is an error. */
    public static Optional<Path> binary() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        Path binary = Path.of(configured.trim());
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(
                    PROPERTY + "/" + ENVIRONMENT + " names " + binary + ", which is not an executable Asterisk binary");
        }
        return Optional.of(binary);
    }

    /** Whether a missing Asterisk must fail the build ({@code CI=true}) rather than skip the suite. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static String missingMessage() {
        return "no real Asterisk configured: set " + ENVIRONMENT + "=/path/to/sbin/asterisk (or -D" + PROPERTY
                + "=...) to run the end-to-end suite against Asterisk 22";
    }
}
