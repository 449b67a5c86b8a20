package io.switchboard.campaign.list;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends new leads: PostgreSQL's {@code COPY ... FROM STDIN} where the database is PostgreSQL (no statement per row),
 * a JDBC batch elsewhere (H2). Values are {@link Long}, {@link Integer}, {@link String},
 * {@link java.time.OffsetDateTime} or {@code null}, in the order of {@link #COLUMNS}.
 */
final class LeadInserts {

    static final List<String> COLUMNS = List.of(
            "campaign_id",
            "import_id",
            "e164",
            "name",
            "timezone",
            "contact_id",
            "data",
            "status",
            "priority",
            "attempts",
            "next_attempt_at",
            "created_at",
            "updated_at");

    private static final int[] TYPES = {
        Types.BIGINT,
        Types.BIGINT,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.BIGINT,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.INTEGER,
        Types.INTEGER,
        Types.TIMESTAMP_WITH_TIMEZONE,
        Types.TIMESTAMP_WITH_TIMEZONE,
        Types.TIMESTAMP_WITH_TIMEZONE
    };

    private final JdbcTemplate jdbc;
    private final boolean copy;

    LeadInserts(JdbcTemplate jdbc, boolean copyWherePossible) {
        this.jdbc = jdbc;
        String product = jdbc.execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName());
        this.copy = copyWherePossible && "PostgreSQL".equals(product);
    }

    void insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (copy) {
            copy(rows);
        } else {
            batch(rows);
        }
    }

    private void batch(List<Object[]> rows) {
        String sql = "insert into leads (" + String.join(", ", COLUMNS) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(COLUMNS.size(), "?")) + ")";
        jdbc.batchUpdate(sql, rows, rows.size(), (statement, row) -> {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    statement.setNull(i + 1, TYPES[i]);
                } else {
                    statement.setObject(i + 1, row[i]);
                }
            }
        });
    }

    private void copy(List<Object[]> rows) {
        String sql = "copy leads (" + String.join(", ", COLUMNS) + ") from stdin";
        StringBuilder data = new StringBuilder(rows.size() * 200);
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
                throw new SQLException("COPY into leads failed", e);
            }
        });
    }

    /** COPY's text format: \N for null, backslash escapes for the separators. */
    private static void append(StringBuilder data, Object value) {
        if (value == null) {
            data.append("\\N");
            return;
        }
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
