package io.switchboard.knowledge;

import java.time.Instant;
import java.util.List;

/** One saved version of an article: what it said after that save, who saved it and when. */
public record ArticleVersion(
        long version,
        String title,
        String body,
        String category,
        List<String> tags,
        ArticleStatus status,
        String savedBy,
        Instant savedAt) {}
