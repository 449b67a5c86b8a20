package io.switchboard.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Links calls to contacts in bulk, for the record rather than for a pop: a number belongs to a contact when it is
 * exactly (in E.164) one of that contact's numbers and no other contact's. Fuzzier matches (national form, trailing
 * digits) are for the screen pop, where an agent sees them and judges; a call log must not guess.
 */
@Component
public class NumberOwners {

    /** Numbers per query: well within PostgreSQL's limit of bind parameters. */
    private static final int CHUNK = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final PhoneNormalizer normalizer;
    private final ContactProperties properties;

    NumberOwners(NamedParameterJdbcTemplate jdbc, PhoneNormalizer normalizer, ContactProperties properties) {
        this.jdbc = jdbc;
        this.normalizer = normalizer;
        this.properties = properties;
    }

    /**
     * @param numbers caller ids as the PBX sent them; withheld, internal and unparseable ones never have an owner
     * @return each of those numbers that has exactly one owning contact, mapped to it
     */
    public Map<String, ContactId> soleOwners(Collection<String> numbers) {
        Map<String, List<String>> numbersByE164 = new HashMap<>();
        for (String number : numbers) {
            CallerNumber caller = CallerNumber.read(number, normalizer, properties);
            if (!caller.refused() && caller.e164() != null) {
                numbersByE164
                        .computeIfAbsent(caller.e164(), e164 -> new ArrayList<>())
                        .add(number);
            }
        }
        Map<String, ContactId> owners = new HashMap<>();
        List<String> e164s = new ArrayList<>(numbersByE164.keySet());
        for (int from = 0; from < e164s.size(); from += CHUNK) {
            List<String> chunk = e164s.subList(from, Math.min(e164s.size(), from + CHUNK));
            Map<String, Object> parameters = Map.of(
                    "e164",
                    chunk,
                    "reversed",
                    chunk.stream()
                            .map(e164 -> CallerNumber.reverse(e164.substring(1)))
                            .toList());
            // reversed_digits is the indexed column; e164 confirms (an unparseable number may have the same digits)
            jdbc.query(
                    "select p.e164, min(p.contact_id) as contact_id from phone_numbers p"
                            + " where p.reversed_digits in (:reversed) and p.e164 in (:e164)"
                            + " group by p.e164 having count(distinct p.contact_id) = 1",
                    parameters,
                    rs -> {
                        ContactId owner = new ContactId(rs.getLong("contact_id"));
                        for (String number : numbersByE164.get(rs.getString("e164"))) {
                            owners.put(number, owner);
                        }
                    });
        }
        return owners;
    }
}
