package db.migration;

import io.switchboard.jdbc.PostgresOnlyMigration;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * On PostgreSQL, makes the audit log append-only for everyone but the table's owner dropping it: a trigger refuses
 * every update and delete. H2 (the demo) has no PL/pgSQL; there the application's lack of any update or delete path
 * is the guarantee. A Java migration because one SQL file cannot hold both dialects.
 */
public class V6_2__audit_log_append_only extends PostgresOnlyMigration {

    @Override
    protected void migratePostgres(Statement sql) throws SQLException {
        sql.execute("create function audit_log_append_only() returns trigger language plpgsql as $$ "
                + "begin raise exception 'the audit log is append-only: % refused', tg_op; end $$");
        sql.execute("create trigger audit_log_append_only before update or delete on audit_log "
                + "for each row execute function audit_log_append_only()");
    }
}
