package io.switchboard.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Finds the stored numbers that could match a caller: the caller's exact number, or every number that could match
 * at any rank in one query. All are values or prefix ranges of {@code phone_numbers.reversed_digits}, so one index
 * answers them; {@link CallerRanking} then decides how well each one matched.
 *
 * <p>There is no ORDER BY / LIMIT in the SQL: with them the planner may walk the contacts in id order hoping to
 * find the first matches early, which for an unknown caller means reading every contact. Candidates are few.
 */
class CallerMatchQueries {

    /** A stored number near the caller's, with what ranking needs to know about it. */
    record Candidate(MatchedContact contact, String nationalNumber, String reversedDigits) {}

    private static final String SELECT = """
            select c.id, c.name, a.id as account_id, a.name as account_name, p.phone_type, p.raw_text, p.e164,
                   p.country, p.unparseable, p.national_number, p.reversed_digits
              from phone_numbers p
              join contacts c on c.id = p.contact_id
              left join accounts a on a.id = c.account_id
             where (""";

    private final NamedParameterJdbcTemplate jdbc;

    CallerMatchQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The caller's own number only. Most callers are known, and this plain equality is planned once and cached by
     * the database, where the combined query of {@link #candidates} is planned afresh for each caller.
     */
    List<Candidate> exact(CallerNumber caller, VisibilityRule rule) {
        if (caller.e164() == null) {
            return List.of();
        }
        Map<String, Object> parameters = new HashMap<>(rule.parameters());
        parameters.put("reversed", caller.reversedE164());
        parameters.put("e164", caller.e164());
        return query("p.reversed_digits = :reversed and p.e164 = :e164", parameters, rule);
    }

    /** Every number that could match at any rank. */
    List<Candidate> candidates(CallerNumber caller, VisibilityRule rule) {
        Map<String, Object> parameters = new HashMap<>(rule.parameters());
        List<String> conditions = new ArrayList<>();
        // Same digits as the caller presented them, nationally or in E.164: exact matches and unparseable numbers.
        conditions.add("p.reversed_digits in (:forms)");
        parameters.put("forms", List.copyOf(caller.reversedDigitForms()));
        if (caller.reversedNationalNumber() != null) {
            conditions.add(prefix(caller.reversedNationalNumber(), "national", parameters));
        }
        if (caller.reversedTail() != null) {
            conditions.add(prefix(caller.reversedTail(), "tail", parameters));
        }
        return query(String.join(" or ", conditions), parameters, rule);
    }

    private List<Candidate> query(String condition, Map<String, Object> parameters, VisibilityRule rule) {
        String sql = SELECT + condition + ") and " + rule.sql("c");
        List<Candidate> candidates = new ArrayList<>();
        jdbc.query(sql, parameters, (ResultSet rs) -> {
            candidates.add(candidate(rs));
        });
        return candidates;
    }

    /** "reversed_digits starts with prefix", written as a range so that the index serves it in any collation. */
    static String prefix(String prefix, String name, Map<String, Object> parameters) {
        parameters.put(name + "From", prefix);
        String upper = successor(prefix);
        if (upper == null) {
            return "p.reversed_digits >= :" + name + "From";
        }
        parameters.put(name + "To", upper);
        return "(p.reversed_digits >= :" + name + "From and p.reversed_digits < :" + name + "To)";
    }

    /** The smallest digit string greater than every string starting with {@code prefix}; null if none (all 9s). */
    static String successor(String prefix) {
        int last = prefix.length() - 1;
        while (last >= 0 && prefix.charAt(last) == '9') {
            last--;
        }
        return last < 0 ? null : prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        long accountId = rs.getLong("account_id");
        Account account = rs.wasNull() ? null : new Account(new AccountId(accountId), rs.getString("account_name"));
        Phone phone = new Phone(
                PhoneType.valueOf(rs.getString("phone_type")),
                rs.getString("raw_text"),
                rs.getString("e164"),
                rs.getString("country"),
                rs.getBoolean("unparseable"));
        MatchedContact contact =
                new MatchedContact(new ContactId(rs.getLong("id")), rs.getString("name"), account, phone);
        return new Candidate(contact, rs.getString("national_number"), rs.getString("reversed_digits"));
    }
}
