package io.switchboard.knowledge;

import static io.switchboard.jdbc.JdbcTime.instant;
import static io.switchboard.jdbc.JdbcTime.timestamp;

import io.switchboard.directory.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The articles' tables: rows, their lists, versions, views and "this helped". Same SQL on H2 and PostgreSQL. */
final class ArticleStore {

    private static final String COLUMNS = "a.id, a.title, a.body, a.category, a.status, a.author_id, u.display_name,"
            + " a.created_at, a.updated_at, a.published_at, a.version, a.views";
    private static final String FROM = " from kb_articles a left join users u on u.id = a.author_id";

    private final NamedParameterJdbcTemplate jdbc;

    ArticleStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new article as version 1 and returns its id. */
    long insert(ArticleForm form, ArticleStatus status, UserId author, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into kb_articles (title, body, category, status, author_id, created_at, updated_at,"
                        + " published_at, version, views) values (:title, :body, :category, :status, :author, :now,"
                        + " :now, :publishedAt, 1, 0)",
                fields(form, status, now).addValue("author", author.value()),
                key,
                new String[] {"id"});
        long id = key.getKeyAs(Long.class);
        writeLists(id, form);
        writeVersion(id, 1, form, status, author, now);
        return id;
    }

    /** Saves a new version over {@code readAt}; false when the article is no longer at that version. */
    boolean update(long id, long readAt, ArticleForm form, ArticleStatus status, UserId by, Instant now) {
        int changed = jdbc.update(
                "update kb_articles set title = :title, body = :body, category = :category, status = :status,"
                        + " updated_at = :now, published_at = coalesce(published_at, :publishedAt),"
                        + " version = version + 1 where id = :id and version = :readAt",
                fields(form, status, now).addValue("id", id).addValue("readAt", readAt));
        if (changed == 0) {
            return false;
        }
        Map<String, Long> ids = Map.of("id", id);
        jdbc.update("delete from kb_article_tags where article_id = :id", ids);
        jdbc.update("delete from kb_article_queues where article_id = :id", ids);
        jdbc.update("delete from kb_article_ticket_categories where article_id = :id", ids);
        writeLists(id, form);
        writeVersion(id, readAt + 1, form, status, by, now);
        return true;
    }

    Optional<ArticleRow> find(long id) {
        List<ArticleRow> rows = rows(List.of(id));
        return rows.stream().findFirst();
    }

    /** The rows of these ids with their lists, in the order of the ids (missing ones left out). */
    List<ArticleRow> rows(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = Map.of("ids", ids);
        Map<Long, List<String>> tags = lists("select article_id, tag from kb_article_tags", params);
        Map<Long, List<String>> queues = lists("select article_id, queue from kb_article_queues", params);
        Map<Long, List<String>> categories =
                lists("select article_id, category from kb_article_ticket_categories", params);
        Map<Long, ArticleRow> byId = new LinkedHashMap<>();
        jdbc.query("select " + COLUMNS + FROM + " where a.id in (:ids)", params, rs -> {
            long id = rs.getLong("id");
            byId.put(id, row(rs, tags.get(id), queues.get(id), categories.get(id)));
        });
        return ids.stream().map(byId::get).filter(row -> row != null).toList();
    }

    /** The newest articles of a status, optionally only one author's: a page of ids and the total. */
    List<Long> newest(ArticleStatus status, UserId author, int offset, int limit) {
        return jdbc.queryForList(
                "select a.id from kb_articles a where a.status = :status" + authorCondition(author)
                        + " order by a.updated_at desc, a.id desc limit :limit offset :offset",
                filter(status, author).addValue("limit", limit).addValue("offset", offset),
                Long.class);
    }

    long count(ArticleStatus status, UserId author) {
        Long count = jdbc.queryForObject(
                "select count(*) from kb_articles a where a.status = :status" + authorCondition(author),
                filter(status, author),
                Long.class);
        return count == null ? 0 : count;
    }

    List<ArticleVersion> versions(long id) {
        return jdbc.query(
                "select v.version, v.title, v.body, v.category, v.tags, v.status, u.username, v.saved_at"
                        + " from kb_article_versions v left join users u on u.id = v.saved_by"
                        + " where v.article_id = :id order by v.version desc",
                Map.of("id", id),
                (rs, n) -> new ArticleVersion(
                        rs.getLong("version"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("category"),
                        rs.getString("tags").isEmpty()
                                ? List.of()
                                : List.of(rs.getString("tags").split("\n")),
                        ArticleStatus.valueOf(rs.getString("status")),
                        rs.getString("username"),
                        instant(rs, "saved_at")));
    }

    void countView(long id) {
        jdbc.update("update kb_articles set views = views + 1 where id = :id", Map.of("id", id));
    }

    /** Records that this user found the article helpful; a second click of theirs changes nothing. */
    void helped(long id, UserId user, Instant now) {
        try {
            jdbc.update(
                    "insert into kb_article_helpful (article_id, user_id, at) select :id, :user, :now"
                            + " where not exists (select 1 from kb_article_helpful where article_id = :id"
                            + " and user_id = :user)",
                    new MapSqlParameterSource("id", id)
                            .addValue("user", user.value())
                            .addValue("now", timestamp(now)));
        } catch (DuplicateKeyException alreadyCounted) {
            // the same user's two clicks at once: one is counted, as intended
        }
    }

    long helpful(long id) {
        Long count = jdbc.queryForObject(
                "select count(*) from kb_article_helpful where article_id = :id", Map.of("id", id), Long.class);
        return count == null ? 0 : count;
    }

    private void writeLists(long id, ArticleForm form) {
        insertAll("insert into kb_article_tags (article_id, tag) values (:id, :value)", id, form.tags());
        insertAll("insert into kb_article_queues (article_id, queue) values (:id, :value)", id, form.queues());
        insertAll(
                "insert into kb_article_ticket_categories (article_id, category) values (:id, :value)",
                id,
                form.ticketCategories());
    }

    private void insertAll(String sql, long id, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                sql,
                values.stream()
                        .map(value -> new MapSqlParameterSource("id", id).addValue("value", value))
                        .toArray(MapSqlParameterSource[]::new));
    }

    private void writeVersion(long id, long version, ArticleForm form, ArticleStatus status, UserId by, Instant now) {
        jdbc.update(
                "insert into kb_article_versions (article_id, version, title, body, category, tags, status, saved_by,"
                        + " saved_at) values (:id, :version, :title, :body, :category, :tags, :status, :by, :now)",
                fields(form, status, now)
                        .addValue("id", id)
                        .addValue("version", version)
                        .addValue("tags", String.join("\n", form.tags()))
                        .addValue("by", by.value()));
    }

    private static MapSqlParameterSource fields(ArticleForm form, ArticleStatus status, Instant now) {
        return new MapSqlParameterSource()
                .addValue("title", form.title())
                .addValue("body", form.body())
                .addValue("category", form.category())
                .addValue("status", status.name())
                .addValue("now", timestamp(now))
                .addValue("publishedAt", status == ArticleStatus.PUBLISHED ? timestamp(now) : null);
    }

    private static String authorCondition(UserId author) {
        return author == null ? "" : " and a.author_id = :author";
    }

    private static MapSqlParameterSource filter(ArticleStatus status, UserId author) {
        return new MapSqlParameterSource("status", status.name())
                .addValue("author", author == null ? null : author.value());
    }

    private Map<Long, List<String>> lists(String select, Map<String, Object> params) {
        Map<Long, List<String>> lists = new LinkedHashMap<>();
        jdbc.query(select + " where article_id in (:ids) order by 2", params, rs -> {
            lists.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
        return lists;
    }

    private static ArticleRow row(ResultSet rs, List<String> tags, List<String> queues, List<String> categories)
            throws SQLException {
        long author = rs.getLong("author_id");
        Long authorId = rs.wasNull() ? null : author;
        return new ArticleRow(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("category"),
                ArticleStatus.valueOf(rs.getString("status")),
                authorId,
                rs.getString("display_name"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "published_at"),
                rs.getLong("version"),
                rs.getLong("views"),
                tags == null ? List.of() : List.copyOf(tags),
                queues == null ? List.of() : List.copyOf(queues),
                categories == null ? List.of() : List.copyOf(categories));
    }
}
