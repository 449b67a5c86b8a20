package io.switchboard.knowledge;

import io.switchboard.directory.UserId;
import java.time.Instant;
import java.util.List;

/**
 * An article as a reader gets it.
 *
 * @param html the body rendered from Markdown and sanitised: safe to put into a page as it is
 * @param version the version it was read at; a save must name it (a newer one means someone else saved meanwhile)
 * @param stats views and "this helped" counts: for its author, supervisors and admins; {@code null} for others
 */
public record Article(
        ArticleId id,
        String title,
        String body,
        String html,
        String category,
        List<String> tags,
        List<String> queues,
        List<String> ticketCategories,
        ArticleStatus status,
        UserId author,
        String authorName,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        long version,
        Stats stats) {

    /** How often it was opened and how many people said it helped. */
    public record Stats(long views, long helpful) {}
}
