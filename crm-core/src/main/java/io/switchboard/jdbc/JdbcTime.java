package io.switchboard.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code timestamp with time zone} columns, the one way every store does it: written as
 * {@link OffsetDateTime} in UTC and read back as {@link OffsetDateTime}, which PostgreSQL's and H2's drivers both
 * map without the JVM's default time zone getting a say (as {@code java.sql.Timestamp} would). Nulls pass through.
 */
public final class JdbcTime {

    private JdbcTime() {}

    /** The value to bind for an instant, or {@code null}. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The column's instant, or {@code null} where it is null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
