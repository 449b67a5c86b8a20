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
 * <p>On PostgreSQL the text conditions are served by trigram (GIN) indexes on the lower-cased name, email and company
 * and the phone condition by the reversed-digits index caller lookup uses (migration {@code V18_50}); H2 scans.
 */
@Component
public class ContactSearch {

    /** Fewer digits than this are not searched as a phone number (they would match half the base). */
    private static final int MIN_PHONE_DIGITS = 4;

    /** The largest page a search returns. */
    public static final int MAX_PAGE_SIZE = 200;

    /**
     * Counting stops here: "more than 10,000" is all a search page needs to say, and counting a million matches of a
     * one-letter search would cost more than finding the page.
     */
    public static final long COUNT_LIMIT = 10_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Contacts contacts;
    private final PhoneNormalizer normalizer;

    ContactSearch(NamedParameterJdbcTemplate jdbc, Contacts contacts, PhoneNormalizer normalizer) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.normalizer = normalizer;
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
        parameters.put("countLimit", COUNT_LIMIT + 1);
        Long total = jdbc.queryForObject(
                "select count(*) from (select 1 from contacts c" + where + " limit :countLimit) matches",
                parameters,
                Long.class);
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        ContactSort sort = filter.sort() == null ? ContactSort.NAME : filter.sort();
        List<ContactId> ids = jdbc
                .queryForList(
                        "select c.id from contacts c" + where + " order by " + sort.orderBy()
                                + " limit :limit offset :offset",
                        parameters,
                        Long.class)
                .stream()
                .map(ContactId::new)
                .toList();
        return new PageImpl<>(contacts.findAll(ids, viewer), PageRequest.of(page, size), total == null ? 0 : total);
    }

    /** Every matching contact's id in the filter's order, for an export. */
    public List<ContactId> allIds(ContactFilter filter, Viewer viewer) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, viewer, parameters);
        ContactSort sort = filter.sort() == null ? ContactSort.NAME : filter.sort();
        return jdbc
                .queryForList(
                        "select c.id from contacts c" + where + " order by " + sort.orderBy(), parameters, Long.class)
                .stream()
                .map(ContactId::new)
                .toList();
    }

    private String where(ContactFilter filter, Viewer viewer, Map<String, Object> parameters) {
        VisibilityRule rule = VisibilityRule.of(viewer);
        parameters.putAll(rule.parameters());
        StringBuilder where = new StringBuilder(" where ").append(rule.sql("c"));
        String query = filter.text() == null ? "" : filter.text().strip();
        if (!query.isEmpty()) {
            where.append(" and (").append(textCondition(query, parameters)).append(')');
        }
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

    /**
     * The contacts the text finds, as a union of one index's answer each: an {@code or} of these conditions (two of
     * them subqueries) kept PostgreSQL from combining the indexes, and it read every contact instead.
     */
    private String textCondition(String query, Map<String, Object> parameters) {
        String lower = query.toLowerCase(Locale.ROOT);
        parameters.put("like", "%" + escape(lower) + "%");
        parameters.put("tagText", lower);
        StringBuilder ids = new StringBuilder("c.id in (")
                .append("select n.id from contacts n where lower(n.name) like :like escape '\\'")
                .append(" union select e.id from contacts e where lower(e.email) like :like escape '\\'")
                .append(" union select ac.id from contacts ac join accounts a on a.id = ac.account_id")
                .append(" where a.name_key like :like escape '\\'")
                .append(" union select st.contact_id from contact_tags st where lower(st.tag) = :tagText");
        String digits = NormalizedNumber.digitsOf(query);
        if (digits.length() >= MIN_PHONE_DIGITS
                && digits.length() * 2 >= query.replace(" ", "").length()) {
            // the number's end is a prefix of the indexed reversed digits; a whole number typed as dialled at home
            // (030 1000002: the trunk 0 is in no stored E.164 number) is also read as lookup reads it, so that
            // search finds what the screen pop finds. Prefixes are ranges, which the index serves in any collation.
            NormalizedNumber number = normalizer.normalize(query);
            String national = number.unparseable() ? digits : number.nationalNumber();
            ids.append(" union select p.contact_id from phone_numbers p where ")
                    .append(CallerMatchQueries.prefix(CallerNumber.reverse(digits), "typed", parameters))
                    .append(" union select p.contact_id from phone_numbers p where ")
                    .append(CallerMatchQueries.prefix(CallerNumber.reverse(national), "national", parameters));
        }
        return ids.append(')').toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
