package io.switchboard.contact;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * {@code column = any(?)} with one array parameter instead of an IN list of thousands: one bind value to send and
 * a plan that does not estimate every element. Runs the same on PostgreSQL and H2.
 */
final class SqlArrays {

    private SqlArrays() {}

    /** A statement whose only parameter is {@code values} as a varchar array. */
    static PreparedStatementCreator withVarcharArray(String sql, Collection<String> values) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setArray(1, varchars(connection, values));
            return statement;
        };
    }

    private static Array varchars(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("varchar", values.toArray(new String[0]));
    }
}
