package io.switchboard.knowledge;

import io.switchboard.directory.UserId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * PostgreSQL full-text search: each article's {@code search_vector} (title weighted A, category and tags B, body
 * C, in the configured language, e.g. {@code english} stems "printers" and "printing" to "print"), a GIN index on it,
 * {@code websearch_to_tsquery} for what people type and {@code ts_rank_cd} (cover density) for the order.
 */
final class PostgresArticleSearch implements ArticleSearch {

    private static final Logger log = LoggerFactory.getLogger(PostgresArticleSearch.class);

    private static final String HEAD = "setweight(to_tsvector(cast(:lang as regconfig), a.title), 'A')"
            + " || setweight(to_tsvector(cast(:lang as regconfig), coalesce(a.category, '') || ' ' || coalesce("
            + "(select string_agg(t.tag, ' ') from kb_article_tags t where t.article_id = a.id), '')), 'B')";
    private static final String VECTOR = HEAD + " || setweight(to_tsvector(cast(:lang as regconfig), a.body), 'C')";
    private static final String INDEX =
            "update kb_articles a set search_language = :lang, head_vector = " + HEAD + ", search_vector = " + VECTOR;

    /**
     * How many matches are ranked at most: those whose title, tags or category match (found through the small head
     * index), then others. Ranking reads each candidate's whole vector, so a word in most articles would otherwise
     * rank tens of thousands of rows per search; beyond these the caller narrows the words.
     */
    static final int HEAD_CANDIDATES = 200;

    static final int OTHER_CANDIDATES = 500;

    private static final String WEB_QUERY = "websearch_to_tsquery(cast(:lang as regconfig), :q)";

    private static final String COUNT = "select count(*) from (select 1 from kb_articles a, " + WEB_QUERY
            + " q where a.search_vector @@ q and a.status = :status limit :cap) c";

    /** The query's words joined by "or": suggestions rank articles sharing any word of a subject. */
    private static final String ANY_WORD =
            "cast(replace(cast(plainto_tsquery(cast(:lang as regconfig), :q) as text)," + " ' & ', ' | ') as tsquery)";

    private final NamedParameterJdbcTemplate jdbc;
    private final String language;

    PostgresArticleSearch(NamedParameterJdbcTemplate jdbc, String language) {
        this.jdbc = jdbc;
        this.language = language;
        // an unknown configuration fails here, at start, naming the setting, rather than at the first search
        try {
            jdbc.queryForObject("select cast(cast(:lang as regconfig) as text)", params(), String.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "switchboard.knowledge.language: PostgreSQL has no text search" + " configuration '" + language
                            + "' (see select cfgname from pg_ts_config)",
                    e);
        }
    }

    @Override
    public List<Hit> search(String query, ArticleStatus status, UserId author, int offset, int limit) {
        return ranked(
                WEB_QUERY,
                " and a.status = :status" + (author == null ? "" : " and a.author_id = :author"),
                filter(query, status, author).addValue("limit", limit).addValue("offset", offset));
    }

    /**
     * The candidates (head matches first, then others, each bounded), ranked by cover density over the whole vector.
     * A head match must match the whole vector too: {@code router -modem} excludes a body's modem as well.
     */
    private List<Hit> ranked(String tsquery, String condition, MapSqlParameterSource params) {
        return jdbc.query(
                rankedSql(tsquery, condition),
                params.addValue("head", HEAD_CANDIDATES).addValue("others", OTHER_CANDIDATES),
                (rs, n) -> new Hit(rs.getLong("id"), rs.getDouble("rank")));
    }

    private static String rankedSql(String tsquery, String condition) {
        return "with q as materialized (select " + tsquery + " as q), candidates as ((select a.id from"
                + " kb_articles a, q where a.head_vector @@ q.q and a.search_vector @@ q.q" + condition
                + " limit :head) union (select a.id from kb_articles a, q where a.search_vector @@ q.q"
                + condition + " limit :others)) select a.id, ts_rank_cd(a.search_vector, q.q) as rank"
                + " from kb_articles a join candidates c on c.id = a.id, q"
                + " order by rank desc, a.id desc limit :limit offset :offset";
    }

    /** {@code explain (analyze, buffers)} of a published search's two statements, for the benchmark. */
    List<String> plans(String query, int limit) {
        List<String> plans = new java.util.ArrayList<>();
        MapSqlParameterSource params = filter(query, ArticleStatus.PUBLISHED, null)
                .addValue("limit", limit)
                .addValue("offset", 0);
        plans.addAll(jdbc.queryForList(
                "explain (analyze, buffers) " + rankedSql(WEB_QUERY, " and a.status = :status"),
                params.addValue("head", HEAD_CANDIDATES).addValue("others", OTHER_CANDIDATES),
                String.class));
        plans.addAll(jdbc.queryForList(
                "explain (analyze, buffers) " + COUNT,
                params.addValue("cap", KnowledgeBase.COUNT_CAP + 1),
                String.class));
        return plans;
    }

    @Override
    public long count(String query, ArticleStatus status, UserId author, long cap) {
        Long count = jdbc.queryForObject(
                author == null ? COUNT : COUNT.replace(" limit :cap", " and a.author_id = :author limit :cap"),
                filter(query, status, author).addValue("cap", cap),
                Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public List<Hit> anyWord(String text, int limit) {
        return ranked(
                ANY_WORD,
                " and a.status = 'PUBLISHED'",
                params().addValue("q", text).addValue("limit", limit).addValue("offset", 0));
    }

    @Override
    public void index(long id) {
        jdbc.update(INDEX + " where a.id = :id", params().addValue("id", id));
    }

    @Override
    public void reindex() {
        int articles = jdbc.update(
                INDEX + " where a.search_language is distinct from :lang or a.head_vector is null", params());
        if (articles > 0) {
            log.info("Indexed {} knowledge base articles for text search in '{}'", articles, language);
        }
    }

    private MapSqlParameterSource params() {
        return new MapSqlParameterSource("lang", language);
    }

    private MapSqlParameterSource filter(String query, ArticleStatus status, UserId author) {
        return params().addValue("q", query)
                .addValue("status", status.name())
                .addValue("author", author == null ? null : author.value());
    }
}
