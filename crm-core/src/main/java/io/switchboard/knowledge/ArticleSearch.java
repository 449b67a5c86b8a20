package io.switchboard.knowledge;

import io.switchboard.directory.UserId;
import java.util.List;

/**
 * Full-text search over the articles, best match first: PostgreSQL's text search in production
 * ({@link PostgresArticleSearch}), a plain word match on the H2 demo ({@link PlainArticleSearch}).
 */
interface ArticleSearch {

    /** An article that matched, and how well (only comparable within one answer). */
    record Hit(long id, double rank) {}

    /**
     * Articles of a status (and, unless {@code null}, an author) matching every word of a query typed as into a web
     * search engine: words, {@code "a phrase"}, {@code -excluded}, {@code or}.
     */
    List<Hit> search(String query, ArticleStatus status, UserId author, int offset, int limit);

    /** How many articles {@link #search} finds, counted up to {@code cap}. */
    long count(String query, ArticleStatus status, UserId author, long cap);

    /** Published articles matching any word of a text (a ticket's subject, say), best first. */
    List<Hit> anyWord(String text, int limit);

    /** Brings the index up to date with an article just saved. */
    void index(long id);

    /** Re-indexes what was indexed otherwise (another language): at start. */
    void reindex();
}
