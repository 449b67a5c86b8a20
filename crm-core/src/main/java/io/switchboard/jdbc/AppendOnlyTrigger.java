package io.switchboard.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's side of an append-only table (the demo's database has no PL/pgSQL): refuses every update and delete of a row
 * with the same message as the PostgreSQL trigger, so both databases keep the table's history alike.
 */
public final class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(
            Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(
                "the table " + table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
