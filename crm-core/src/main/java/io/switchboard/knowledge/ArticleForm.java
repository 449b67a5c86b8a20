package io.switchboard.knowledge;

import java.util.List;

/**
 * What a writer saves: every field replaces the stored one.
 *
 * @param body Markdown; rendered to sanitised HTML when read
 * @param category one category the article is filed under (free text, e.g. {@code Billing}); may be {@code null}
 * @param queues the queues whose callers it helps (the pop suggests it for their calls)
 * @param ticketCategories the kinds of problem it answers (matched against a ticket's category, and tags)
 */
public record ArticleForm(
        String title,
        String body,
        String category,
        List<String> tags,
        List<String> queues,
        List<String> ticketCategories) {

    public ArticleForm {
        tags = tags == null ? List.of() : List.copyOf(tags);
        queues = queues == null ? List.of() : List.copyOf(queues);
        ticketCategories = ticketCategories == null ? List.of() : List.copyOf(ticketCategories);
    }
}
