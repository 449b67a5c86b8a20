package io.switchboard.contact;

import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends a batch of rows to a table: with PostgreSQL's COPY where the database is PostgreSQL, with a JDBC batch
 * (multi-row inserts) anywhere else. Values are {@link Long}, {@link String}, {@link Boolean},
 * {@link java.time.OffsetDateTime} or {@code null}. Contacts and campaign leads are imported through it.
 */
public interface BulkInsert {

    /** A table and the columns rows are given for, with their JDBC types (for nulls). */
    record Table(String name, List<String> columns, List<Integer> types) {

        public Table {
            columns = List.copyOf(columns);
            types = List.copyOf(types);
            if (columns.size() != types.size()) {
                throw new IllegalArgumentException("a type for each column of " + name);
            }
        }

        static final Table CONTACTS = new Table(
                "contacts",
                List.of(
                        "id",
                        "name",
                        "account_id",
                        "email",
                        "owner_id",
                        "team_id",
                        "visibility",
                        "notes",
                        "created_at",
                        "updated_at",
                        "version"),
                List.of(
                        Types.BIGINT,
                        Types.VARCHAR,
                        Types.BIGINT,
                        Types.VARCHAR,
                        Types.BIGINT,
                        Types.BIGINT,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.TIMESTAMP_WITH_TIMEZONE,
                        Types.TIMESTAMP_WITH_TIMEZONE,
                        Types.BIGINT));

        static final Table PHONE_NUMBERS = new Table(
                "phone_numbers",
                List.of(
                        "id",
                        "contact_id",
                        "phone_type",
                        "raw_text",
                        "e164",
                        "country",
                        "national_number",
                        "reversed_digits",
                        "unparseable"),
                List.of(
                        Types.BIGINT,
                        Types.BIGINT,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.BOOLEAN));

        static final Table CONTACT_TAGS =
                new Table("contact_tags", List.of("contact_id", "tag"), List.of(Types.BIGINT, Types.VARCHAR));
    }

    void insert(Table table, List<Object[]> rows);

    /**
     * COPY on PostgreSQL (unless switched off), where it costs the database about a fifth less work per row than
     * multi-row inserts; JDBC batches elsewhere.
     */
    public static BulkInsert forDatabase(JdbcTemplate jdbc, boolean copyWherePossible) {
        String product = jdbc.execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName());
        return copyWherePossible && "PostgreSQL".equals(product)
                ? new PostgresCopyInsert(jdbc)
                : new JdbcBatchInsert(jdbc);
    }
}
