package io.switchboard.knowledge;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Published articles meant for a queue, a ticket category or a tag, with how many of these each matches. */
final class SuggestionMatches {

    /** What an article shares with the call or ticket. */
    record Match(long id, boolean queue, int categories, int tags) {}

    private static final int CANDIDATES = 200;

    private final NamedParameterJdbcTemplate jdbc;

    SuggestionMatches(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Match> of(SuggestionRequest request) {
        if (request.queue() == null
                && request.categories().isEmpty()
                && request.tags().isEmpty()) {
            return List.of();
        }
        String queueMatch =
                "exists (select 1 from kb_article_queues q where q.article_id = a.id" + " and lower(q.queue) = :queue)";
        String categoryMatches = "(select count(*) from kb_article_ticket_categories c where c.article_id = a.id"
                + " and lower(c.category) in (:categories)) + (case when lower(a.category) in (:categories) then 1"
                + " else 0 end)";
        String tagMatches = "(select count(*) from kb_article_tags t where t.article_id = a.id and t.tag in (:tags))";
        String sql = "select id, queue_match, category_matches, tag_matches from (select a.id, a.updated_at, case when "
                + queueMatch + " then 1 else 0 end as queue_match, " + categoryMatches + " as category_matches, "
                + tagMatches + " as tag_matches from kb_articles a where a.status = 'PUBLISHED') m"
                + " where queue_match + category_matches + tag_matches > 0"
                + " order by queue_match + category_matches + tag_matches desc, updated_at desc limit :limit";
        return jdbc.query(
                sql,
                new MapSqlParameterSource()
                        .addValue("queue", request.queue() == null ? "" : lower(request.queue()))
                        .addValue("categories", orNothing(request.categories()))
                        .addValue("tags", orNothing(request.tags()))
                        .addValue("limit", CANDIDATES),
                (rs, n) -> new Match(
                        rs.getLong("id"),
                        rs.getInt("queue_match") > 0,
                        rs.getInt("category_matches"),
                        rs.getInt("tag_matches")));
    }

    /** An empty {@code in ()} is not SQL: a value no row has stands for "none". */
    private static List<String> orNothing(List<String> values) {
        List<String> lower = values.stream().map(SuggestionMatches::lower).toList();
        return lower.isEmpty() ? List.of("\u0001none") : lower;
    }

    private static String lower(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
