package io.switchboard.contact;

import io.switchboard.directory.Viewer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds contacts by what someone types into a search box — part of a name, company, email or tag, or a phone number
 * in any format — and the contacts page's filters. Only contacts the viewer may see.
 *
 * <p>A text search runs in two steps, so that a text a few contacts hold and one half the base holds are both
 * answered from a few index pages (measured at 1,000,000 contacts: README, "Contacts: search"). First each place the
 * text can be (name or e-mail, company, tag, number: {@link ContactTextMatch}) is asked for at most {@link
 * #COUNT_LIMIT} + 1 matches through its own index: on PostgreSQL trigram (GIN) indexes on the lower-cased name, email
 * and company and the reversed-digits index caller lookup uses (migration {@code V18_50}). When all of them together
 * are no more than {@link #COUNT_LIMIT}, those are all the matches: counted exactly, and the page is sorted from
 * them. When there are more, the page is read in its order from the sort's index, keeping the contacts that match
 * until it is full: the match is then common enough that this stops early, where sorting every match of a
 * three-letter text (100,000 of a million) would not. H2 (the demo) scans, which is fast at its size.
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

    /** Contacts read in order per match wanted, for a text more than {@link #COUNT_LIMIT} contacts match. */
    private static final int WALK_ROWS_PER_MATCH = 200;

    private static final int MIN_WALK = 5_000;

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
        parameters.put("cap", COUNT_LIMIT + 1);
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        String orderBy = " order by " + sortOf(filter).orderBy() + " limit :limit offset :offset";
        String text = textOf(filter);
        long total;
        List<Long> ids;
        if (text.isEmpty()) {
            Long count = jdbc.queryForObject(
                    "select count(*) from (select 1 from contacts c" + where + " limit :cap) matches",
                    parameters,
                    Long.class);
            total = count == null ? 0 : count;
            ids = jdbc.queryForList("select c.id from contacts c" + where + orderBy, parameters, Long.class);
        } else {
            ContactTextMatch match = ContactTextMatch.of(text, normalizer, parameters);
            Set<Long> found = probe(match, where, parameters);
            if (found == null) {
                total = COUNT_LIMIT + 1;
                ids = commonMatchPage(match, where, sortOf(filter), parameters, page, size);
            } else {
                total = found.size();
                parameters.put("found", found);
                ids = found.isEmpty()
                        ? List.of()
                        : jdbc.queryForList(
                                "select c.id from contacts c where c.id in (:found)" + orderBy, parameters, Long.class);
            }
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

    /**
     * A page of a text more than {@link #COUNT_LIMIT} contacts match. Such a text is mostly spread over the base (part
     * of a surname, a tag), so reading contacts in the page's order from the sort's index finds a page's matches
     * within a few thousand: at most {@link #WALK_ROWS_PER_MATCH} per match wanted are read that way. A text whose
     * matches bunch together in that order (a first name, in name order) does not fill the page there; then every
     * match is read through the indexes and sorted, which costs as many rows as match.
     */
    private List<Long> commonMatchPage(
            ContactTextMatch match,
            String where,
            ContactSort sort,
            Map<String, Object> parameters,
            int page,
            int size) {
        parameters.put("walk", Math.max(MIN_WALK, ((long) page + 1) * size * WALK_ROWS_PER_MATCH));
        List<Long> ids = jdbc.queryForList(
                "select w.id from (select " + sort.columns() + ", case when " + match.condition()
                        + " then 1 else 0 end as hit from contacts c" + where + " order by " + sort.orderBy()
                        + " limit :walk) w where w.hit = 1 order by " + sort.orderBy("w")
                        + " limit :limit offset :offset",
                parameters,
                Long.class);
        if (ids.size() == size) {
            return ids;
        }
        // each place gives the sort's columns, so the union is sorted as it is, without reading contacts again
        return jdbc.queryForList(
                "select u.id from (" + String.join(" union ", match.branches(where, sort.columns())) + ") u order by "
                        + sort.orderBy("u") + " limit :limit offset :offset",
                parameters,
                Long.class);
    }

    /**
     * Every match when there are at most {@link #COUNT_LIMIT}, else {@code null}. Each place gives at most the limit
     * + 1 ids; one that gave that many may hold more (a contact's two numbers are two rows of one branch), so then
     * the matches are too many to list this way.
     */
    private Set<Long> probe(ContactTextMatch match, String where, Map<String, Object> parameters) {
        List<String> branches = match.branches(where, "c.id");
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < branches.size(); i++) {
            sql.append(i == 0 ? "" : " union all ")
                    .append("select ")
                    .append(i)
                    .append(" as branch, b")
                    .append(i)
                    .append(".id from (")
                    .append(branches.get(i))
                    .append(" limit :cap) b")
                    .append(i);
        }
        int[] perBranch = new int[branches.size()];
        Set<Long> found = new HashSet<>();
        jdbc.query(sql.toString(), parameters, row -> {
            perBranch[row.getInt(1)]++;
            found.add(row.getLong(2));
        });
        for (int count : perBranch) {
            if (count > COUNT_LIMIT) {
                return null;
            }
        }
        return found.size() > COUNT_LIMIT ? null : found;
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
