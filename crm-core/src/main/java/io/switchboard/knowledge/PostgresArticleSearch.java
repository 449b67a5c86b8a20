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

    private static final String VECTOR = "setweight(to_tsvector(cast(:lang as regconfig), a.title), 'A')"
            + " || setweight(to_tsvector(cast(:lang as regconfig), coalesce(a.category, '') || ' ' || coalesce("
            + "(select string_agg(t.tag, ' ') from kb_article_tags t where t.article_id = a.id), '')), 'B')"
            + " || setweight(to_tsvector(cast(:lang as regconfig), a.body), 'C')";

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
        return jdbc.query(
                "select a.id, ts_rank_cd(a.search_vector, q) as rank from kb_articles a,"
                        + " websearch_to_tsquery(cast(:lang as regconfig), :q) q where a.search_vector @@ q"
                        + " and a.status = :status" + (author == null ? "" : " and a.author_id = :author")
                        + " order by rank desc, a.id desc limit :limit offset :offset",
                filter(query, status, author).addValue("limit", limit).addValue("offset", offset),
                (rs, n) -> new Hit(rs.getLong("id"), rs.getDouble("rank")));
    }

    @Override
    public long count(String query, ArticleStatus status, UserId author, long cap) {
        Long count = jdbc.queryForObject(
                "select count(*) from (select 1 from kb_articles a, websearch_to_tsquery(cast(:lang as regconfig),"
                        + " :q) q where a.search_vector @@ q and a.status = :status"
                        + (author == null ? "" : " and a.author_id = :author") + " limit :cap) c",
                filter(query, status, author).addValue("cap", cap),
                Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public List<Hit> anyWord(String text, int limit) {
        return jdbc.query(
                "select a.id, ts_rank_cd(a.search_vector, q) as rank from kb_articles a, " + ANY_WORD + " q"
                        + " where a.search_vector @@ q and a.status = 'PUBLISHED'"
                        + " order by rank desc, a.id desc limit :limit",
                params().addValue("q", text).addValue("limit", limit),
                (rs, n) -> new Hit(rs.getLong("id"), rs.getDouble("rank")));
    }

    @Override
    public void index(long id) {
        jdbc.update(
                "update kb_articles a set search_language = :lang, search_vector = " + VECTOR + " where a.id = :id",
                params().addValue("id", id));
    }

    @Override
    public void reindex() {
        int articles = jdbc.update(
                "update kb_articles a set search_language = :lang, search_vector = " + VECTOR
                        + " where a.search_language is distinct from :lang",
                params());
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
