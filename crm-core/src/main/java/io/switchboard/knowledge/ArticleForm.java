package io.switchboard.knowledge;

import java.util.ArrayList;
import java.util.Collections;
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
        tags = copy(tags);
        queues = copy(queues);
        ticketCategories = copy(ticketCategories);
    }

    /** A copy that keeps null entries ({@code List.copyOf} would throw): the form's check names them as a field error. */
    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
