package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.knowledge.ArticleSummary;
import io.switchboard.knowledge.SuggestionRequest;
import io.switchboard.knowledge.Suggestions;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Suggested answers: the published articles that fit a call (the pop asks with the call's queue, the caller's open
 * tickets' subjects and the contact's tags) or a ticket (its subject and category). Every user may ask: only
 * published articles are suggested, and what the caller sends is all that is matched.
 */
@RestController
@RequestMapping("/api/v1/kb/suggestions")
@Tag(name = "Knowledge base")
class SuggestionController {

    private static final int MAX_LIMIT = 20;

    private final Suggestions suggestions;

    SuggestionController(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    /**
     * The best articles first.
     *
     * @param text words to match (a subject, open tickets' subjects), at most 1,000 characters
     * @param queue the call's queue
     * @param category ticket categories (repeat the parameter for several)
     * @param tag tags (repeat the parameter for several)
     * @param limit 1 to 20
     */
    @GetMapping
    List<ArticleSummary> suggest(
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String queue,
            @RequestParam(required = false) List<String> category,
            @RequestParam(required = false) List<String> tag,
            @RequestParam(defaultValue = "3") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidRequestException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (text != null && text.length() > 1000) {
            throw InvalidRequestException.of("text", "must be at most 1000 characters");
        }
        if (queue != null && queue.length() > 80) {
            throw InvalidRequestException.of("queue", "must be at most 80 characters");
        }
        List<String> categories = limited("category", category);
        List<String> tags = limited("tag", tag);
        return suggestions.suggest(new SuggestionRequest(text, blankToNull(queue), categories, tags, limit));
    }

    private static List<String> limited(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > 30 || values.stream().anyMatch(value -> value.length() > 100)) {
            throw InvalidRequestException.of(field, "takes at most 30 values of at most 100 characters");
        }
        return values.stream().filter(value -> !value.isBlank()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
