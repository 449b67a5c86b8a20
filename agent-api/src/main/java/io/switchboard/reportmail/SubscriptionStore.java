package io.switchboard.reportmail;

import io.switchboard.directory.UserId;
import io.switchboard.jdbc.JdbcTime;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The {@code report_subscriptions} rows. */
final class SubscriptionStore {

    private static final String COLUMNS = "id, subscriber_id, report, frequency, at_time, weekday, email, filter_query,"
            + " next_run_at, last_sent_at, failures, last_error";

    private final NamedParameterJdbcTemplate jdbc;

    SubscriptionStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Subscription subscription, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into report_subscriptions (subscriber_id, report, frequency, at_time, weekday, email,"
                        + " filter_query, next_run_at, created_at) values (:subscriber, :report, :frequency, :at,"
                        + " :weekday, :email, :filter, :next, :now)",
                new MapSqlParameterSource(
                                "subscriber", subscription.subscriber().value())
                        .addValue("report", subscription.report().name())
                        .addValue("frequency", subscription.frequency().name())
                        .addValue("at", subscription.at().toString())
                        .addValue(
                                "weekday",
                                subscription.weekday() == null
                                        ? null
                                        : subscription.weekday().name())
                        .addValue("email", subscription.email())
                        .addValue("filter", query(subscription.filter()))
                        .addValue("next", JdbcTime.timestamp(subscription.nextRunAt()))
                        .addValue("now", JdbcTime.timestamp(now)),
                key,
                new String[] {"id"});
        return key.getKey().longValue();
    }

    List<Subscription> of(UserId subscriber) {
        return jdbc.query(
                "select " + COLUMNS + " from report_subscriptions where subscriber_id = :subscriber order by id",
                new MapSqlParameterSource("subscriber", subscriber.value()),
                (rs, row) -> subscription(rs));
    }

    Optional<Subscription> find(long id) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from report_subscriptions where id = :id",
                        new MapSqlParameterSource("id", id),
                        (rs, row) -> subscription(rs))
                .stream()
                .findFirst();
    }

    /**
     * The subscriptions due at {@code now} whose subscriber is active: a deactivated user's reports wait, unchanged,
     * and go out again at their next time after the user is reactivated (the first one at once, if it is overdue).
     */
    List<Subscription> due(Instant now, int limit) {
        return jdbc.query(
                "select " + COLUMNS + " from report_subscriptions where next_run_at <= :now"
                        + " and subscriber_id in (select id from users where active)"
                        + " order by next_run_at limit :limit",
                new MapSqlParameterSource("now", JdbcTime.timestamp(now)).addValue("limit", limit),
                (rs, row) -> subscription(rs));
    }

    boolean delete(long id) {
        return jdbc.update("delete from report_subscriptions where id = :id", new MapSqlParameterSource("id", id)) == 1;
    }

    void sent(long id, Instant at, Instant next) {
        jdbc.update(
                "update report_subscriptions set last_sent_at = :at, next_run_at = :next, failures = 0,"
                        + " last_error = null where id = :id",
                new MapSqlParameterSource("id", id)
                        .addValue("at", JdbcTime.timestamp(at))
                        .addValue("next", JdbcTime.timestamp(next)));
    }

    void failed(long id, int failures, String error, Instant next) {
        jdbc.update(
                "update report_subscriptions set failures = :failures, last_error = :error, next_run_at = :next"
                        + " where id = :id",
                new MapSqlParameterSource("id", id)
                        .addValue("failures", failures)
                        .addValue("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                        .addValue("next", JdbcTime.timestamp(next)));
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        String weekday = rs.getString("weekday");
        return new Subscription(
                rs.getLong("id"),
                new UserId(rs.getLong("subscriber_id")),
                ReportKind.valueOf(rs.getString("report")),
                Frequency.valueOf(rs.getString("frequency")),
                LocalTime.parse(rs.getString("at_time")),
                weekday == null ? null : DayOfWeek.valueOf(weekday),
                rs.getString("email"),
                filter(rs.getString("filter_query")),
                JdbcTime.instant(rs, "next_run_at"),
                JdbcTime.instant(rs, "last_sent_at"),
                rs.getInt("failures"),
                rs.getString("last_error"));
    }

    /** {@code {queue=support, outcome=abandoned}} to {@code outcome=abandoned&queue=support}. */
    static String query(Map<String, String> filter) {
        return new TreeMap<>(filter)
                .entrySet().stream()
                        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                        .collect(Collectors.joining("&"));
    }

    static Map<String, String> filter(String query) {
        Map<String, String> filter = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            Arrays.stream(query.split("&"))
                    .map(pair -> pair.split("=", 2))
                    .forEach(pair -> filter.put(
                            URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                            pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        }
        return filter;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
