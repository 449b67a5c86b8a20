package io.switchboard.knowledge;

import io.switchboard.directory.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Search on the H2 demo, which has no text search: every article of the status is read and each query word looked
 * for, without case, in its title (worth 3), tags and category (2) and body (1); a {@code -word} must be absent.
 * Simpler than PostgreSQL's (no stemming beyond "a word's start matches", no phrases), correct for the few hundred
 * articles a demo has, and the same rules of who finds what.
 */
final class PlainArticleSearch implements ArticleSearch {

    private static final Pattern WORD = Pattern.compile("(-?)([\\p{L}\\p{N}]+)");

    private final NamedParameterJdbcTemplate jdbc;
    private final ArticleStore store;

    PlainArticleSearch(NamedParameterJdbcTemplate jdbc, ArticleStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public List<Hit> search(String query, ArticleStatus status, UserId author, int offset, int limit) {
        return matches(query, status, author, true).stream()
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public long count(String query, ArticleStatus status, UserId author, long cap) {
        return Math.min(cap, matches(query, status, author, true).size());
    }

    @Override
    public List<Hit> anyWord(String text, int limit) {
        return matches(text, ArticleStatus.PUBLISHED, null, false).stream()
                .limit(limit)
                .toList();
    }

    @Override
    public void index(long id) {
        // nothing to index: every search reads the articles themselves
    }

    @Override
    public void reindex() {
        // nothing to index
    }

    private List<Hit> matches(String query, ArticleStatus status, UserId author, boolean everyWord) {
        List<String> wanted = new ArrayList<>();
        List<String> unwanted = new ArrayList<>();
        Matcher words = WORD.matcher(query.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group(2);
            if (!words.group(1).isEmpty()) {
                unwanted.add(word);
            } else if (!word.equals("or") || !everyWord) {
                wanted.add(word);
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.queryForList(
                "select id from kb_articles where status = :status"
                        + (author == null ? "" : " and author_id = :author"),
                new MapSqlParameterSource("status", status.name())
                        .addValue("author", author == null ? null : author.value()),
                Long.class);
        List<Hit> hits = new ArrayList<>();
        for (ArticleRow row : store.rows(ids)) {
            String title = row.title().toLowerCase(Locale.ROOT);
            String labels = (String.join(" ", row.tags()) + " " + (row.category() == null ? "" : row.category()))
                    .toLowerCase(Locale.ROOT);
            String body = row.body().toLowerCase(Locale.ROOT);
            if (unwanted.stream()
                    .anyMatch(word -> title.contains(word) || labels.contains(word) || body.contains(word))) {
                continue;
            }
            double rank = 0;
            int found = 0;
            for (String word : wanted) {
                double score = (title.contains(word) ? 3 : 0)
                        + (labels.contains(word) ? 2 : 0)
                        + (body.contains(word) ? 1 : 0);
                found += score > 0 ? 1 : 0;
                rank += score;
            }
            if (everyWord ? found == wanted.size() : found > 0) {
                hits.add(new Hit(row.id(), rank));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::rank)
                .reversed()
                .thenComparing(Comparator.comparingLong(Hit::id).reversed()));
        return hits;
    }
}
