package io.switchboard.contact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * One page of the contacts a text matches, and their number up to {@link ContactSearch#COUNT_LIMIT} + 1, in as few
 * statements as the text allows (measured at 1,000,000 contacts: README, "Contacts: search").
 *
 * <ol>
 *   <li><b>Probe</b> (one statement): each place the text can be ({@link ContactTextMatch#branches}) gives at most the
 *       limit + 1 matches through its own index, with each match's place in the page's order. When no place gave
 *       more than the limit, those are all the matches: counted exactly, and the page is cut from them in that order.
 *   <li><b>Walk</b> (one more): a place that gave more holds a text common enough that reading contacts in the page's
 *       order from the sort's index and keeping those that match there finds the page within a few thousand. The
 *       other places' matches are already known whole, and are ordered with the walk's in the same statement.
 *   <li><b>Sort</b> (only when the walk did not fill the page, because the matches bunch together further on: a
 *       first name, in name order): every match of the common places is read through their indexes and sorted.
 * </ol>
 *
 * <p>The order of two contacts is always decided by the database (its collation), never in Java.
 */
final class ContactTextSearch {

    /** Contacts read in order per match wanted, for a text more than {@link ContactSearch#COUNT_LIMIT} match. */
    private static final int WALK_ROWS_PER_MATCH = 200;

    private static final int MIN_WALK = 5_000;

    private final NamedParameterJdbcTemplate jdbc;

    ContactTextSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The page's contact ids and the capped total. */
    record Result(List<Long> ids, long total) {}

    /** A contact a statement found: where (a branch, or a source), and its position in the page's order. */
    private record Hit(int source, long id, long position) {}

    Result find(
            ContactTextMatch match,
            String where,
            ContactSort sort,
            Map<String, Object> parameters,
            int page,
            int size) {
        long offset = (long) page * size;
        List<String> branches = match.branches(where, sort.columns());
        List<Hit> probed = ranked(union(branches, parameters), sort, parameters);
        int[] perBranch = new int[branches.size()];
        probed.forEach(hit -> perBranch[hit.source()]++);
        Set<Integer> common = new TreeSet<>();
        Set<Long> known = new HashSet<>();
        for (int branch = 0; branch < perBranch.length; branch++) {
            if (perBranch[branch] > ContactSearch.COUNT_LIMIT) {
                common.add(branch);
            }
        }
        for (Hit hit : probed) {
            if (!common.contains(hit.source())) {
                known.add(hit.id());
            }
        }
        if (common.isEmpty()) {
            return new Result(cut(probed, offset, size), Math.min(known.size(), ContactSearch.COUNT_LIMIT + 1));
        }
        long total = ContactSearch.COUNT_LIMIT + 1;
        long wanted = offset + size;
        // one array parameter, not an IN list of up to 3,000 values to send and plan
        parameters.put("known", new SqlArrayValue("bigint", known.toArray()));
        parameters.put("wanted", wanted);
        parameters.put("walk", Math.max(MIN_WALK, wanted * WALK_ROWS_PER_MATCH));
        String walk = "select w.id, w." + sort.column() + " from (select " + sort.columns() + ", case when "
                + match.condition(common) + " then 1 else 0 end as hit from contacts c" + where + " order by "
                + sort.orderBy() + " limit :walk) w where w.hit = 1 order by " + sort.orderBy("w") + " limit :wanted";
        List<Hit> walked = ranked(
                "select 0 as source, c.id, c." + sort.column() + " from contacts c where c.id = any(:known)"
                        + " union all select 1, t.* from (" + walk + ") t",
                sort,
                parameters);
        if (walked.stream().filter(hit -> hit.source() == 1).count() == wanted) {
            return new Result(cut(walked, offset, size), total);
        }
        List<String> sorted = new ArrayList<>();
        sorted.add("select " + sort.columns() + " from contacts c where c.id = any(:known)");
        common.forEach(branch -> sorted.add(branches.get(branch)));
        parameters.put("limit", size);
        parameters.put("offset", offset);
        return new Result(
                jdbc.queryForList(
                        "select u.id from (" + String.join(" union ", sorted) + ") u order by " + sort.orderBy("u")
                                + " limit :limit offset :offset",
                        parameters,
                        Long.class),
                total);
    }

    /** Each branch's first limit + 1 matches, marked with the branch's number. */
    private static String union(List<String> branches, Map<String, Object> parameters) {
        parameters.put("cap", ContactSearch.COUNT_LIMIT + 1);
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < branches.size(); i++) {
            sql.append(i == 0 ? "" : " union all ")
                    .append("select ")
                    .append(i)
                    .append(" as source, b")
                    .append(i)
                    .append(".* from (")
                    .append(branches.get(i))
                    .append(" limit :cap) b")
                    .append(i);
        }
        return sql.toString();
    }

    /**
     * The rows of {@code sql} (source, id, the sort's column) with their position in the page's order, numbered by
     * the database so that its collation decides.
     */
    private List<Hit> ranked(String sql, ContactSort sort, Map<String, Object> parameters) {
        return jdbc.query(
                "select x.source, x.id, row_number() over (order by " + sort.orderBy("x") + ") as position from (" + sql
                        + ") x",
                parameters,
                (row, i) -> new Hit(row.getInt(1), row.getLong(2), row.getLong(3)));
    }

    /** The ids of the page, each contact once (a contact found in two places has two positions: the first counts). */
    private static List<Long> cut(List<Hit> hits, long offset, int size) {
        Map<Long, Long> first = new HashMap<>();
        for (Hit hit : hits) {
            first.merge(hit.id(), hit.position(), Math::min);
        }
        return first.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .skip(offset)
                .limit(size)
                .map(Map.Entry::getKey)
                .toList();
    }
}
