package io.switchboard.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The two databases Switchboard runs on, each as a new empty database per call, for tests that hold SQL to both:
 * H2 as the demo runs it (a file in PostgreSQL mode under {@code target/}) and the shared embedded PostgreSQL.
 */
public enum FreshDatabase {
    H2,
    POSTGRES;

    /** A JDBC URL of a new, empty database (migrate it before use; keep one connection open to an H2 one). */
    public String url() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "");
        if (this == H2) {
            return "jdbc:h2:file:"
                    + Path.of("target", "h2-fresh", name, "switchboard").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        try (Connection connection =
                DriverManager.getConnection(SharedPostgres.get().getJdbcUrl("postgres", "postgres"))) {
            connection.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a PostgreSQL database for a test", e);
        }
        return SharedPostgres.get().getJdbcUrl("postgres", name);
    }

    /**
     * A new database with every migration of the classpath applied, on one connection kept open throughout: H2 keeps
     * its database open with it, and it is one session, as each of the server's statements is.
     */
    public JdbcTemplate migrated() {
        DataSource dataSource = new SingleConnectionDataSource(url(), true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
