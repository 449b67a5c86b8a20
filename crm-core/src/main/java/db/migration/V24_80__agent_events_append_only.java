package db.migration;

import io.switchboard.jdbc.AppendOnlyTrigger;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the agent sessions' events append-only, as the audit log is: the report is folded from these rows, so a changed
 * or deleted row would rewrite an agent's past days. On PostgreSQL a PL/pgSQL trigger refuses every update and delete;
 * on H2 (the demo) a Java trigger ({@link AppendOnlyTrigger}) does the same. A Java migration because one SQL file
 * cannot hold both dialects.
 */
public class V24_80__agent_events_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        try (Statement sql = context.getConnection().createStatement()) {
            if ("PostgreSQL".equalsIgnoreCase(database)) {
                sql.execute("create function agent_events_append_only() returns trigger language plpgsql as $$ "
                        + "begin raise exception 'the table agent_events is append-only: % refused', tg_op; end $$");
                sql.execute("create trigger agent_events_append_only before update or delete on agent_events "
                        + "for each row execute function agent_events_append_only()");
            } else if ("H2".equalsIgnoreCase(database)) {
                sql.execute("create trigger agent_events_append_only before update, delete on agent_events "
                        + "for each row call '" + AppendOnlyTrigger.class.getName() + "'");
            }
        }
    }
}
