package io.switchboard.contact;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts with PostgreSQL's {@code COPY ... FROM STDIN} (text format) on the transaction's connection: no statement
 * per row for the server to execute, which matters at a million rows.
 */
class PostgresCopyInsert implements BulkInsert {

    private final JdbcTemplate jdbc;

    PostgresCopyInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Table table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "copy " + table.name() + " (" + String.join(", ", table.columns()) + ") from stdin";
        StringBuilder data =
                new StringBuilder(rows.size() * 16 * table.columns().size());
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    data.append('\t');
                }
                append(data, row[i]);
            }
            data.append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(sql, new StringReader(data.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into " + table.name() + " failed", e);
            }
        });
    }

    /** COPY's text format: \N for null, t/f for booleans, and backslash escapes for the separators. */
    static void append(StringBuilder data, Object value) {
        if (value == null) {
            data.append("\\N");
        } else if (value instanceof Boolean flag) {
            data.append(flag ? 't' : 'f');
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> data.append("\\\\");
                    case '\t' -> data.append("\\t");
                    case '\n' -> data.append("\\n");
                    case '\r' -> data.append("\\r");
                    default -> data.append(c);
                }
            }
        }
    }
}
