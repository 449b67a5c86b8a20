package io.switchboard.ticket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a ticket is about, in two kinds: one category from a managed list ({@code switchboard.tickets.categories})
 * and any number of free tags. Help desks keep categories a short list an admin owns because reports, filters and
 * routing group by them (free text splits one topic into "Billing", "billing issue" and "Invoices"); tags carry the
 * rest ("vip", "firmware-2.1"). The knowledge base suggests the articles that answer the category and share tags.
 */
public final class TicketCategories {

    /** A first set that fits most support desks (and the demo's articles); configuration replaces it. */
    static final List<String> DEFAULTS =
            List.of("Accounts", "Billing", "Contracts", "Hardware", "Internet", "Orders", "Other");

    static final int MAX_CATEGORY = 100;
    static final int MAX_TAG = 60;
    static final int MAX_TAGS = 20;

    private final List<String> names;

    TicketCategories(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** The categories in their configured order. */
    public List<String> names() {
        return names;
    }

    /**
     * The category as configured, whatever its case was typed in; {@code null} for none (blank).
     *
     * @throws InvalidTicketException not one of {@link #names()}
     */
    String checked(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String wanted = category.strip();
        return names.stream()
                .filter(name -> name.equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidTicketException(
                        "category", "no category '" + shortened(wanted) + "': one of " + String.join(", ", names)));
    }

    /**
     * Tags tidied: stripped, lower case (as articles' tags, so they match), each once, in the order given.
     *
     * @throws InvalidTicketException more than {@value #MAX_TAGS}, or one blank, too long or with a control
     *     character, naming it ({@code tags[2]})
     */
    static List<String> checkedTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidTicketException("tags", "at most " + MAX_TAGS + " tags");
        }
        Set<String> tidy = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String field = "tags[" + i + "]";
            String tag = tags.get(i);
            if (tag == null || tag.isBlank()) {
                throw new InvalidTicketException(field, "a tag must not be blank");
            }
            tag = tag.strip().toLowerCase(Locale.ROOT);
            if (tag.length() > MAX_TAG) {
                throw new InvalidTicketException(field, "a tag must be at most " + MAX_TAG + " characters");
            }
            if (tag.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidTicketException(field, "a tag must not contain control characters");
            }
            tidy.add(tag);
        }
        return new ArrayList<>(tidy);
    }

    /**
     * The configured list checked at start: each name 1 to {@value #MAX_CATEGORY} characters and there once (in
     * any case); {@link #DEFAULTS} when none is configured.
     */
    static List<String> checkedNames(List<String> configured) {
        if (configured == null || configured.isEmpty()) {
            return DEFAULTS;
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (String name : configured) {
            if (name == null || name.isBlank() || name.strip().length() > MAX_CATEGORY) {
                throw new IllegalArgumentException(
                        "switchboard.tickets.categories: each category must be 1 to " + MAX_CATEGORY + " characters");
            }
            if (!seen.add(name.strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("switchboard.tickets.categories: " + name.strip() + " twice");
            }
            names.add(name.strip());
        }
        return List.copyOf(names);
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
