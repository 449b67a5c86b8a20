package io.switchboard.contact;

import io.switchboard.directory.Viewer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds contacts by what someone types into a search box — part of a name, company, email or tag, or a phone number
 * in any format — and the contacts page's filters. Only contacts the viewer may see.
 *
 * <p>A text is searched by {@link ContactTextSearch}: each place it can be through its own index (on PostgreSQL
 * trigram (GIN) indexes on the lower-cased name, email and company, the tags' index and the reversed-digits index
 * caller lookup uses), and, for a text common enough to match more than {@link #COUNT_LIMIT} contacts, the page
 * read in its order from the sort's index. H2 (the demo) scans, which is fast at its size.
 */
@Component
public class ContactSearch {

    /** The largest page a search returns. */
    public static final int MAX_PAGE_SIZE = 200;

    /**
     * Counting stops here: "more than 1,000" is all a search page needs to say (nobody pages through a thousand
     * contacts: they type more), and knowing that a text matches more costs a few index pages, where counting a
     * hundred thousand matches of three letters would cost more than finding the page.
     */
    public static final long COUNT_LIMIT = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Contacts contacts;
    private final PhoneNormalizer normalizer;
    private final ContactTextSearch texts;

    ContactSearch(NamedParameterJdbcTemplate jdbc, Contacts contacts, PhoneNormalizer normalizer) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.normalizer = normalizer;
        this.texts = new ContactTextSearch(jdbc);
    }

    /** @param text {@code null} or blank lists every visible contact */
    public Page<Contact> search(String text, Viewer viewer, int page, int size) {
        return find(ContactFilter.text(text), viewer, page, size);
    }

    /**
     * One page of the matching contacts. The total counts at most {@link #COUNT_LIMIT} + 1 matches: a total above
     * {@link #COUNT_LIMIT} means "more than that".
     */
    public Page<Contact> find(ContactFilter filter, Viewer viewer, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be at least 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, viewer, parameters);
        String text = textOf(filter);
        long total;
        List<Long> ids;
        if (text.isEmpty()) {
            parameters.put("cap", COUNT_LIMIT + 1);
            parameters.put("limit", size);
            parameters.put("offset", (long) page * size);
            Long count = jdbc.queryForObject(
                    "select count(*) from (select 1 from contacts c" + where + " limit :cap) matches",
                    parameters,
                    Long.class);
            total = count == null ? 0 : count;
            ids = jdbc.queryForList(
                    "select c.id from contacts c" + where + " order by "
                            + sortOf(filter).orderBy() + " limit :limit offset :offset",
                    parameters,
                    Long.class);
        } else {
            ContactTextSearch.Result result = texts.find(
                    ContactTextMatch.of(text, normalizer, parameters), where, sortOf(filter), parameters, page, size);
            total = result.total();
            ids = result.ids();
        }
        return new PageImpl<>(
                contacts.findAll(ids.stream().map(ContactId::new).toList(), viewer), PageRequest.of(page, size), total);
    }

    /** Every matching contact's id in the filter's order, for an export. */
    public List<ContactId> allIds(ContactFilter filter, Viewer viewer) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, viewer, parameters);
        String text = textOf(filter);
        if (!text.isEmpty()) {
            where += " and c.id in ("
                    + String.join(
                            " union ",
                            ContactTextMatch.of(text, normalizer, parameters).branches(where, "c.id")) + ")";
        }
        return jdbc
                .queryForList(
                        "select c.id from contacts c" + where + " order by "
                                + sortOf(filter).orderBy(),
                        parameters,
                        Long.class)
                .stream()
                .map(ContactId::new)
                .toList();
    }

    private static ContactSort sortOf(ContactFilter filter) {
        return filter.sort() == null ? ContactSort.NAME : filter.sort();
    }

    private static String textOf(ContactFilter filter) {
        return filter.text() == null ? "" : filter.text().strip();
    }

    /** The viewer's visibility and the filters other than the text, as a {@code where} clause on {@code c}. */
    private String where(ContactFilter filter, Viewer viewer, Map<String, Object> parameters) {
        VisibilityRule rule = VisibilityRule.of(viewer);
        parameters.putAll(rule.parameters());
        StringBuilder where = new StringBuilder(" where ").append(rule.sql("c"));
        if (filter.owner() != null) {
            parameters.put("owner", filter.owner().value());
            where.append(" and c.owner_id = :owner");
        }
        if (filter.team() != null) {
            parameters.put("team", filter.team().value());
            where.append(" and c.team_id = :team");
        }
        if (filter.visibility() != null) {
            parameters.put("visibility", filter.visibility().name());
            where.append(" and c.visibility = :visibility");
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            parameters.put("tag", filter.tag().strip().toLowerCase(Locale.ROOT));
            where.append(
                    " and exists (select 1 from contact_tags ft where ft.contact_id = c.id and lower(ft.tag) = :tag)");
        }
        if (filter.openTickets() != null) {
            // tickets are another package's table; this reads only whether one is still being worked on
            where.append(filter.openTickets() ? " and " : " and not ")
                    .append("exists (select 1 from tickets t where t.contact_id = c.id"
                            + " and t.status not in ('RESOLVED', 'CLOSED'))");
        }
        return where.toString();
    }
}
