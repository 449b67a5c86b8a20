package io.switchboard.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * One article in a list of search results or suggestions.
 *
 * @param snippet the start of the body as plain text (Markdown marks removed), to tell articles apart
 * @param score how well it matched: higher is better; only comparable within one answer
 */
public record ArticleSummary(
        ArticleId id,
        String title,
        String category,
        List<String> tags,
        ArticleStatus status,
        String snippet,
        Instant updatedAt,
        double score) {}
