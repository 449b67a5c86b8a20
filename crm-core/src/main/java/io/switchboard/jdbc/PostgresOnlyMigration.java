package io.switchboard.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway Java migration that runs on PostgreSQL and does nothing on H2 (the demo's database): indexes and columns
 * H2 cannot hold (pg_trgm, text search vectors, expression indexes, PL/pgSQL) or does not need at its size. Java
 * rather than SQL because Flyway's SQL migrations cannot say "only on PostgreSQL" without a second set of migration
 * folders. Like every Java migration it has no checksum, so moving an applied migration onto this class changes
 * nothing Flyway validates, as long as the statements stay the same.
 */
public abstract class PostgresOnlyMigration extends BaseJavaMigration {

    @Override
    public final void migrate(Context context) throws Exception {
        if (!isPostgres(context.getConnection())) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            migratePostgres(sql);
        }
    }

    /** The migration's statements, run on PostgreSQL only, in the migration's transaction. */
    protected abstract void migratePostgres(Statement sql) throws SQLException;

    private static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    }
}
