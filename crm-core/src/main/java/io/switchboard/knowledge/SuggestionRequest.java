package io.switchboard.knowledge;

import java.util.List;

/**
 * What a suggestion is for: a call (its queue, the caller's open tickets' subjects, the contact's tags) or a ticket
 * (its subject and category).
 *
 * @param text words to match against the articles (a ticket's subject, open tickets' subjects); may be blank
 * @param queue the call's queue; {@code null} for none
 * @param categories ticket categories the articles should help with
 * @param tags tags the articles should carry
 * @param limit how many to return, best first
 */
public record SuggestionRequest(String text, String queue, List<String> categories, List<String> tags, int limit) {

    public SuggestionRequest {
        text = text == null ? "" : text;
        categories = categories == null ? List.of() : List.copyOf(categories);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
