package io.switchboard.ticket;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The categories an admin took off the managed list ({@code switchboard.tickets.categories}) that tickets still
 * carry. A ticket keeps its category until someone changes it, so the workbench must still find those tickets by it:
 * a retired category is a valid filter (and a choice on the page) as long as a ticket has it, while setting it on a
 * ticket stays refused ({@link TicketCategories#checked}).
 */
final class RetiredCategories {

    private final NamedParameterJdbcTemplate jdbc;
    private final TicketCategories categories;

    RetiredCategories(NamedParameterJdbcTemplate jdbc, TicketCategories categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    /**
     * The categories tickets carry that are not on the list, in alphabetical order. A group by over
     * {@code tickets_category_ix}: asked when the workbench opens and for a filter not on the list, not per row.
     */
    List<String> inUse() {
        Set<String> managed = categories.names().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return jdbc
                .getJdbcTemplate()
                .queryForList(
                        "select category from tickets where category is not null group by category order by category",
                        String.class)
                .stream()
                .filter(name -> !managed.contains(name.toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** The retired category as tickets carry it, whatever its case was typed in; empty when no ticket has it. */
    Optional<String> find(String wanted) {
        String stripped = wanted.strip();
        return inUse().stream().filter(name -> name.equalsIgnoreCase(stripped)).findFirst();
    }
}
