package io.switchboard.report;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Utils;

/**
 * The call history's CSV made by PostgreSQL itself: {@code COPY (select ...) TO STDOUT (FORMAT csv, FORCE_QUOTE *)}
 * streams the lines without a row object, a parsed timestamp or a formatted cell on this side, which is what held
 * the row-by-row export to 20-30 thousand rows a second. The select makes every cell what {@link CallHistoryCsv}
 * writes (the same quoting, the spreadsheet-safe leading quote, instants as {@code Instant.toString()}, booleans as
 * {@code true}/{@code false}); PostgreSQL ends lines with LF, so the stream turns the LF that ends a record into CRLF
 * as Commons CSV does (a LF inside a quoted cell stays). A test holds the two to the same bytes.
 *
 * <p>COPY takes no bind parameters: the filter's values are written into the statement as literals, escaped by the
 * driver's own {@link Utils#escapeLiteral}, and only the value types the filters use are accepted.
 */
final class PostgresCsvCopy {

    private static final Pattern PARAMETER = Pattern.compile("'[^']*'|:([A-Za-z][A-Za-z0-9]*)");

    private PostgresCsvCopy() {}

    /** Whether the connection is PostgreSQL's (else the rows are written one by one). */
    static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * @param select the history's select over {@code activities a} and {@code contacts c}, with named parameters
     * @return the records written (without the header)
     */
    static long copy(Connection connection, String select, Map<String, Object> parameters, OutputStream out)
            throws SQLException, IOException {
        boolean standardStrings = connection.unwrap(BaseConnection.class).getStandardConformingStrings();
        String sql =
                "copy (" + inline(select, parameters, standardStrings) + ") to stdout with (format csv, force_quote *)";
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        boolean quoted = false;
        long records = 0;
        byte[] line;
        while ((line = copy.readFromCopy()) != null) {
            int from = 0;
            for (int i = 0; i < line.length; i++) {
                byte b = line[i];
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == '\n' && !quoted) {
                    out.write(line, from, i - from);
                    out.write('\r');
                    from = i;
                    records++;
                }
            }
            out.write(line, from, line.length - from);
        }
        return records;
    }

    /** The statement with each {@code :name} outside a string literal replaced by its value as a literal. */
    static String inline(String sql, Map<String, Object> parameters, boolean standardStrings) throws SQLException {
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder inlined = new StringBuilder(sql.length() + 64);
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = name == null ? matcher.group() : literal(name, parameters, standardStrings);
            matcher.appendReplacement(inlined, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(inlined);
        return inlined.toString();
    }

    private static String literal(String name, Map<String, Object> parameters, boolean standardStrings)
            throws SQLException {
        if (!parameters.containsKey(name)) {
            throw new IllegalArgumentException("no value for :" + name);
        }
        Object value = parameters.get(name);
        if (value instanceof Collection<?> values) {
            // as Spring expands a collection for "in (:name)": its values, comma-separated
            if (values.isEmpty()) {
                return "null";
            }
            StringBuilder list = new StringBuilder();
            for (Object each : values) {
                list.append(list.isEmpty() ? "" : ", ").append(scalar(name, each, standardStrings));
            }
            return list.toString();
        }
        return scalar(name, value, standardStrings);
    }

    private static String scalar(String name, Object value, boolean standardStrings) throws SQLException {
        if (value == null) {
            return "null";
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof OffsetDateTime at) {
            return "cast('" + at + "' as timestamp with time zone)";
        }
        if (value instanceof String text) {
            return "'" + Utils.escapeLiteral(null, text, standardStrings) + "'";
        }
        throw new IllegalArgumentException(
                ":" + name + " is a " + value.getClass().getName());
    }
}
