package io.switchboard.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks and tidies what a writer sent: each problem names its field; tags are lower case, lists without repeats. */
final class ArticleFormCheck {

    static final int MAX_BODY = 100_000;
    private static final int MAX_LIST = 30;

    private ArticleFormCheck() {}

    static ArticleForm checked(ArticleForm form) {
        String title = text("title", form.title(), 200, true);
        String body = text("body", form.body(), MAX_BODY, true);
        String category = text("category", form.category(), 100, false);
        return new ArticleForm(
                title,
                body,
                category,
                list("tags", form.tags(), 60, true),
                list("queues", form.queues(), 80, false),
                list("ticketCategories", form.ticketCategories(), 100, false));
    }

    private static String text(String field, String value, int max, boolean required) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                throw new InvalidArticleException(field, "is required");
            }
            return null;
        }
        if (stripped.length() > max) {
            throw new InvalidArticleException(field, "is longer than " + max + " characters");
        }
        // PostgreSQL stores no NUL character, and no one means one
        if (stripped.indexOf('\0') >= 0) {
            throw new InvalidArticleException(field, "contains the NUL character (\\u0000)");
        }
        return stripped;
    }

    private static List<String> list(String field, List<String> values, int max, boolean lowerCase) {
        if (values.size() > MAX_LIST) {
            throw new InvalidArticleException(field, "has more than " + MAX_LIST + " entries");
        }
        Set<String> tidy = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = text(field + "[" + i + "]", values.get(i), max, true);
            tidy.add(lowerCase ? value.toLowerCase(Locale.ROOT) : value);
        }
        return new ArrayList<>(tidy);
    }
}
