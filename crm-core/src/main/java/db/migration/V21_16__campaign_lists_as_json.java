package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists that were stored as delimited text become JSON: a campaign's call hours (joined by {@code ;}), holidays
 * (joined by {@code ,}) and retry delays ({@code BUSY=600,NO_ANSWER=7200}), and a rejected list row's cells (joined
 * by the list's delimiter, which made a {@code ;} list or a quoted comma come back split into the wrong cells). New
 * columns are added, filled from the old ones in Java (one SQL file cannot split strings on both H2 and PostgreSQL),
 * and the old columns dropped.
 *
 * <p>An old rejected row does not say which delimiter its list had: it is split on the one of {@code , ; TAB |} that
 * it contains most often (a comma when tied), which is what the list's reader would have guessed from such a line.
 */
public class V21_16__campaign_lists_as_json extends BaseJavaMigration {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table campaigns add column weekly_hours varchar(8000)");
            sql.execute("alter table campaigns add column closed_days varchar(16000)");
            sql.execute("alter table campaigns add column retry_delay_seconds varchar(1000)");
            sql.execute("alter table lead_import_rejections add column cells varchar(100000)");
        }
        campaigns(connection);
        rejections(connection);
        try (Statement sql = connection.createStatement()) {
            for (String column : List.of("weekly_hours", "closed_days", "retry_delay_seconds")) {
                sql.execute("alter table campaigns alter column " + column + " set not null");
            }
            sql.execute("alter table lead_import_rejections alter column cells set not null");
            sql.execute("alter table campaigns drop column call_hours");
            sql.execute("alter table campaigns drop column holidays");
            sql.execute("alter table campaigns drop column retry_delays");
            sql.execute("alter table lead_import_rejections drop column raw_values");
        }
    }

    private static void campaigns(Connection connection) throws Exception {
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select id, call_hours, holidays, retry_delays from campaigns");
                PreparedStatement update = connection.prepareStatement("update campaigns set weekly_hours = ?,"
                        + " closed_days = ?, retry_delay_seconds = ? where id = ?")) {
            while (rows.next()) {
                update.setString(1, JSON.writeValueAsString(split(rows.getString("call_hours"), ";")));
                update.setString(2, JSON.writeValueAsString(split(rows.getString("holidays"), ",")));
                update.setString(3, JSON.writeValueAsString(delays(rows.getString("retry_delays"))));
                update.setLong(4, rows.getLong("id"));
                update.executeUpdate();
            }
        }
    }

    private static void rejections(Connection connection) throws Exception {
        try (Statement select = connection.createStatement();
                ResultSet rows =
                        select.executeQuery("select import_id, csv_row, raw_values from lead_import_rejections");
                PreparedStatement update = connection.prepareStatement(
                        "update lead_import_rejections set cells = ? where import_id = ? and csv_row = ?")) {
            while (rows.next()) {
                String raw = rows.getString("raw_values");
                update.setString(1, JSON.writeValueAsString(cells(raw == null ? "" : raw)));
                update.setLong(2, rows.getLong("import_id"));
                update.setLong(3, rows.getLong("csv_row"));
                update.executeUpdate();
            }
        }
    }

    private static List<String> split(String text, String separator) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(separator)).map(String::strip).toList();
    }

    private static Map<String, Long> delays(String text) {
        Map<String, Long> seconds = new LinkedHashMap<>();
        for (String entry : split(text, ",")) {
            String[] parts = entry.split("=");
            seconds.put(parts[0].strip(), Long.parseLong(parts[1].strip()));
        }
        return seconds;
    }

    /** An old rejected row's cells, split on its likeliest delimiter. */
    static List<String> cells(String raw) {
        char delimiter = ',';
        long most = count(raw, ',');
        for (char candidate : DELIMITERS) {
            long count = count(raw, candidate);
            if (count > most) {
                most = count;
                delimiter = candidate;
            }
        }
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || raw.charAt(i) == delimiter) {
                cells.add(raw.substring(start, i));
                start = i + 1;
            }
        }
        return cells;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
