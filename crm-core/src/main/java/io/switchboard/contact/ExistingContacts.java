package io.switchboard.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/** Finds, for a batch of import rows, the contacts already stored under the same key (see {@link ImportRow#key}). */
class ExistingContacts {

    /** A stored contact a row matched, and the phone number it matched by ({@code null} when matched by email). */
    record Match(long contactId, Long phoneId) {}

    private final JdbcTemplate jdbc;

    ExistingContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Match> find(Collection<ImportRow> rows) {
        List<String> reversed = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (ImportRow row : rows) {
            if (row.phone() != null && row.phone().reversedDigits() != null) {
                reversed.add(row.phone().reversedDigits());
            } else if (row.email() != null) {
                emails.add(row.email());
            }
        }
        Map<String, Match> found = new HashMap<>();
        if (!reversed.isEmpty()) {
            // The same index as caller lookup: parsed numbers by their E.164 digits, unparseable ones by theirs.
            jdbc.query(SqlArrays.withVarcharArray("""
                            select c.id, c.name, p.id as phone_id, p.e164, p.reversed_digits from phone_numbers p
                              join contacts c on c.id = p.contact_id
                             where p.reversed_digits = any(?)""", reversed), rs -> {
                String e164 = rs.getString("e164");
                String identity = e164 != null ? e164 : "#" + CallerNumber.reverse(rs.getString("reversed_digits"));
                found.putIfAbsent(
                        ImportRow.key(rs.getString("name"), identity),
                        new Match(rs.getLong("id"), rs.getLong("phone_id")));
            });
        }
        if (!emails.isEmpty()) {
            jdbc.query(
                    SqlArrays.withVarcharArray(
                            "select c.id, c.name, c.email from contacts c where c.email = any(?)", emails),
                    rs -> {
                        found.putIfAbsent(
                                ImportRow.key(
                                        rs.getString("name"), "@" + Objects.requireNonNull(rs.getString("email"))),
                                new Match(rs.getLong("id"), null));
                    });
        }
        return found;
    }
}
