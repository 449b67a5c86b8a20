package io.switchboard.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@link JdbcTemplate} whose statements ask PostgreSQL for their rows in its binary format: a timestamp is then
 * eight bytes and a {@code bytea} its bytes, instead of text the server formats and the driver parses again (hex, for
 * {@code bytea}). PgJDBC uses text for a statement until it has run it a few times; a negative prepare threshold
 * forces binary from the first run, at the price of one more round trip before the first row (the driver asks
 * for the columns' types first): worth it for a big read (the call history's export: three timestamps a row, 800,000
 * rows a month), not for a page or a report's few thousand rows. Other databases (H2) are left as they are.
 */
public final class BinaryResults {

    private BinaryResults() {}

    public static JdbcTemplate template(DataSource dataSource) {
        return new JdbcTemplate(dataSource) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                if (statement.isWrapperFor(PGStatement.class)) {
                    statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                }
            }
        };
    }
}
