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
            + "(select string_agg(t.tag, ' ' order by t.tag) from kb_article_tags t where t.article_id = a.id), '')), 'B')";
    private static final String VECTOR = HEAD + " || setweight(to_tsvector(cast(:lang as regconfig), a.body), 'C')";
    private static final String INDEX = "update kb_articles a set search_language = :lang, head_vector = " + HEAD
            + ", search_vector = " + VECTOR + ", pair_vector = null";
    private static final String INDEX_PAIRS = "update kb_articles a set pair_vector = " + PhrasePairs.OF_SEARCH_VECTOR
            + " where a.pair_vector is null and a.search_vector is not null";

    /**
     * How many matches are ranked at most. The articles whose title, tags or category match come first (found and
     * ranked through the small head vector and its GIN index: a head vector is a few dozen bytes stored in the row,
     * cheap to rank); only when they do not fill the page are others ranked, by their whole vector, which is read
     * from TOAST storage for each (ranking 700 of them took most of a search's 50 to 100 ms). Beyond these the caller
     * narrows the words.
     */
    static final int HEAD_CANDIDATES = 1_000;

    static final int OTHER_CANDIDATES = 500;

    private static final String WEB_QUERY = "websearch_to_tsquery(cast(:lang as regconfig), :q)";

    private static final String COUNT = "select count(*) from (select 1 from kb_articles a, " + WEB_QUERY
            + " q where {match} and a.status = :status limit :cap) c";

    /** A match of the whole vector through its index. */
    private static final String MATCH = "a.search_vector @@ %s";

    /**
     * A phrase's match: found through the pairs index, then checked on the whole vector (written so that PostgreSQL
     * does not read the whole vector's index as well: every article with the words).
     */
    private static final String PHRASE_MATCH =
            "a.pair_vector @@ cast(:pairs as tsquery) and (a.search_vector @@ %s)" + " is true";

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
        MapSqlParameterSource params =
                filter(query, status, author).addValue("limit", limit).addValue("offset", offset);
        return ranked(
                WEB_QUERY,
                " and a.status = :status" + (author == null ? "" : " and a.author_id = :author"),
                match(query, params, "q.q"),
                params);
    }

    /** How the query matches whole vectors: through the pairs index for a phrase (its pairs put in params). */
    private String match(String query, MapSqlParameterSource params, String tsquery) {
        if (query.indexOf('"') < 0) {
            return MATCH.formatted(tsquery);
        }
        String text = jdbc.queryForObject(
                "select cast(" + WEB_QUERY + " as text)", params().addValue("q", query), String.class);
        return PhrasePairs.required(text)
                .map(pairs -> {
                    params.addValue("pairs", pairs);
                    return PHRASE_MATCH.formatted(tsquery);
                })
                .orElse(MATCH.formatted(tsquery));
    }

    /**
     * Head matches first, ranked by cover density over the head vector alone, then (only when those do not reach
     * the page's end) other matches, ranked over the whole vector. A head match is a match of the whole vector as
     * well unless the query excludes a word ({@code router -modem}: a body's modem excludes the article too), so only
     * then is the whole vector checked. Ranks are normalised to below 1 ({@code rank / (rank + 1)}) and head matches
     * lifted by 1, so one order holds both.
     */
    private List<Hit> ranked(String tsquery, String condition, String match, MapSqlParameterSource params) {
        return jdbc.query(
                rankedSql(tsquery, condition, match),
                params.addValue("head", HEAD_CANDIDATES).addValue("others", OTHER_CANDIDATES),
                (rs, n) -> new Hit(rs.getLong("id"), rs.getDouble("rank")));
    }

    private static String rankedSql(String tsquery, String condition, String match) {
        return "with q as materialized (select x.q, strpos(cast(x.q as text), '!') > 0 as negated from (select "
                + tsquery + " as q) x), head as materialized (select a.id, 1 + ts_rank_cd(a.head_vector, q.q, 32)"
                + " as rank from kb_articles a, q where a.head_vector @@ q.q" + condition + " limit :head),"
                // best first, and only as many as the page needs: the whole vector of each is read (for an
                // excluded word) only until the page is full
                + " wanted as materialized (select h.id, h.rank from (select id, rank from head order by rank desc,"
                // (a scalar subquery, row by row: an exists here was planned as a hash of every whole-vector match)
                + " id desc) h where not (select negated from q) or (select a.search_vector @@ q.q from kb_articles a,"
                + " q where a.id = h.id) limit :offset + :limit),"
                + " others as materialized (select a.id from kb_articles a, q where (select count(*) from wanted)"
                + " < :offset + :limit and " + match + " and not coalesce(a.head_vector @@ q.q, false)"
                + condition + " limit :others)"
                + " select id, rank from wanted union all select a.id, ts_rank_cd(a.search_vector, q.q, 32) as rank"
                + " from others o join kb_articles a on a.id = o.id, q order by rank desc, id desc"
                + " limit :limit offset :offset";
    }

    /** {@code explain (analyze, buffers)} of a published search's two statements, for the benchmark. */
    List<String> plans(String query, int limit) {
        List<String> plans = new java.util.ArrayList<>();
        MapSqlParameterSource params = filter(query, ArticleStatus.PUBLISHED, null)
                .addValue("limit", limit)
                .addValue("offset", 0);
        plans.addAll(jdbc.queryForList(
                "explain (analyze, buffers) "
                        + rankedSql(WEB_QUERY, " and a.status = :status", match(query, params, "q.q")),
                params.addValue("head", HEAD_CANDIDATES).addValue("others", OTHER_CANDIDATES),
                String.class));
        plans.addAll(jdbc.queryForList(
                "explain (analyze, buffers) " + COUNT.replace("{match}", match(query, params, "q")),
                params.addValue("cap", KnowledgeBase.COUNT_CAP + 1),
                String.class));
        return plans;
    }

    @Override
    public long count(String query, ArticleStatus status, UserId author, long cap) {
        MapSqlParameterSource params = filter(query, status, author).addValue("cap", cap);
        String sql = COUNT.replace("{match}", match(query, params, "q"));
        Long count = jdbc.queryForObject(
                author == null ? sql : sql.replace(" limit :cap", " and a.author_id = :author limit :cap"),
                params,
                Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public List<Hit> anyWord(String text, int limit) {
        return ranked(
                ANY_WORD,
                " and a.status = 'PUBLISHED'",
                MATCH.formatted("q.q"),
                params().addValue("q", text).addValue("limit", limit).addValue("offset", 0));
    }

    @Override
    public void index(long id) {
        jdbc.update(INDEX + " where a.id = :id", params().addValue("id", id));
        jdbc.update(INDEX_PAIRS + " and a.id = :id", params().addValue("id", id));
    }

    @Override
    public void reindex() {
        int articles = jdbc.update(
                INDEX + " where a.search_language is distinct from :lang or a.head_vector is null"
                        + " or a.pair_vector is null",
                params());
        jdbc.update(INDEX_PAIRS, params());
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
