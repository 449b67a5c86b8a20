package io.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The application as the page tests start it for a headless Chromium: HTTP on a port chosen up front (the browser is
 * pointed at it), a real PostgreSQL, the simulator on a free AMI port generating no calls of its own (tests play the
 * calls they need), no demo data, the CTI edge on a free port. Each test adds what is its own.
 */
public final class PageTestApplication {

    private PageTestApplication() {}

    /** The shared test PostgreSQL's URL, the database most page tests use. */
    public static String sharedDatabase() {
        return SharedPostgres.jdbcUrl(SharedPostgres.get());
    }

    /**
     * @param database the JDBC URL of the database to use
     * @param timeScale the simulator's simulated seconds per real second
     */
    public static void register(
            DynamicPropertyRegistry registry, int httpPort, Supplier<Object> database, double timeScale) {
        int amiPort = freePort();
        registry.add("server.port", () -> httpPort);
        registry.add("spring.datasource.url", database);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("switchboard.ami.port", () -> amiPort);
        registry.add("switchboard.simulator.calls-per-second", () -> 0);
        registry.add("switchboard.simulator.time-scale", () -> timeScale);
        registry.add("switchboard.demo.seed", () -> false);
        registry.add("switchboard.edge.port", () -> 0);
    }

    /** A TCP port free right now on loopback. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
