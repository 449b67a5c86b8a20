package io.switchboard.knowledge;

import java.time.Instant;
import java.util.List;

/** An article as stored, with its lists: what the service decides on and builds answers from. */
record ArticleRow(
        long id,
        String title,
        String body,
        String category,
        ArticleStatus status,
        Long authorId,
        String authorName,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        long version,
        long views,
        List<String> tags,
        List<String> queues,
        List<String> ticketCategories) {}
