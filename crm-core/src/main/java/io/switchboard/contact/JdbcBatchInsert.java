package io.switchboard.contact;

import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Inserts with one JDBC batch per call; on PostgreSQL, reWriteBatchedInserts=true turns it into multi-row inserts. */
class JdbcBatchInsert implements BulkInsert {

    private final JdbcTemplate jdbc;

    JdbcBatchInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Table table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "insert into " + table.name() + " (" + String.join(", ", table.columns()) + ") values ("
                + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
        jdbc.batchUpdate(sql, rows, rows.size(), (statement, row) -> {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    statement.setNull(i + 1, table.types().get(i));
                } else {
                    statement.setObject(i + 1, row[i]);
                }
            }
        });
    }
}
