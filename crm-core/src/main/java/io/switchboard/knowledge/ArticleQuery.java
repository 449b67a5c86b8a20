package io.switchboard.knowledge;

/**
 * Which articles a list shows.
 *
 * @param text words to search for (ranked, best first); {@code null} or blank: the newest first
 * @param status published (everyone) or drafts (writers see all, others their own)
 * @param mine only the articles the user wrote
 */
public record ArticleQuery(String text, ArticleStatus status, boolean mine) {

    public ArticleQuery {
        status = status == null ? ArticleStatus.PUBLISHED : status;
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
