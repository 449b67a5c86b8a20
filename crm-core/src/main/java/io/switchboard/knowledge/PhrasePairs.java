package io.switchboard.knowledge;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word pairs for phrase searches on PostgreSQL, as Elasticsearch's {@code index_phrases} does: each article's
 * {@code pair_vector} holds every two words that stand next to each other ("reset password"), with a GIN index. A
 * phrase's words are each in thousands of articles, and which of those have them next to each other is known only
 * from each article's whole vector, read from TOAST storage (6,197 of them for {@code "reset password"}, 80 ms at
 * 50,000 articles); the pairs index finds the few that have every pair of the phrase, and only those are checked.
 */
final class PhrasePairs {

    /** The pairs of {@code a.search_vector}: lexemes at positions p and p + 1, joined by a space. */
    static final String OF_SEARCH_VECTOR = "(select coalesce(array_to_tsvector(array_agg(distinct x.lexeme || ' ' ||"
            + " y.lexeme)), cast('' as tsvector)) from (select u.lexeme, p.p from unnest(a.search_vector) u,"
            + " unnest(u.positions) p(p)) x join (select u.lexeme, p.p from unnest(a.search_vector) u,"
            + " unnest(u.positions) p(p)) y on y.p = x.p + 1 where length(x.lexeme) + length(y.lexeme) < 1000)";

    /** Two lexemes next to each other in a query's text: {@code 'reset' <-> 'password'} (the second not consumed). */
    private static final Pattern ADJACENT = Pattern.compile("'((?:[^']|'')+)' <-> (?='((?:[^']|'')+)')");

    private PhrasePairs() {}

    /**
     * The pairs every match of a query must have, as a {@code tsquery} text ({@code 'reset password'}); empty when
     * the query has no phrase, or one whose pairs are not all required (under {@code or} or {@code -}).
     *
     * @param tsquery the query as PostgreSQL prints it ({@code cast(websearch_to_tsquery(...) as text)})
     */
    static Optional<String> required(String tsquery) {
        if (tsquery == null || !tsquery.contains("<->") || tsquery.contains("|") || tsquery.contains("!")) {
            return Optional.empty();
        }
        Set<String> pairs = new LinkedHashSet<>();
        Matcher adjacent = ADJACENT.matcher(tsquery);
        while (adjacent.find()) {
            String pair = adjacent.group(1).replace("''", "'") + " "
                    + adjacent.group(2).replace("''", "'");
            pairs.add("'" + pair.replace("\\", "\\\\").replace("'", "''") + "'");
        }
        return pairs.isEmpty() ? Optional.empty() : Optional.of(String.join(" & ", pairs));
    }
}
