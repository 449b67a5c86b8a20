package io.switchboard.contact;

import io.switchboard.contact.DuplicateCandidate.Reason;
import io.switchboard.directory.Viewer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the contacts that are likely the same person as a given one: the same E.164 number, the same email, or a
 * similar name in the same account. Only contacts the viewer may see.
 *
 * <p>Names are compared in Java (Jaro-Winkler on the lower-cased name without accents and punctuation, words in
 * order), so H2 and PostgreSQL agree; the database only narrows them to the account's contacts.
 */
@Component
@Transactional(readOnly = true)
public class ContactDuplicates {

    /** Jaro-Winkler similarity from which two names in one account count as the same person's. */
    static final double SIMILAR_NAME = 0.9;

    /** An account with more contacts than this is compared on its first ones only (a name search covers the rest). */
    private static final int MAX_ACCOUNT_CONTACTS = 2_000;

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private final NamedParameterJdbcTemplate jdbc;
    private final Contacts contacts;

    ContactDuplicates(NamedParameterJdbcTemplate jdbc, Contacts contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    /**
     * @throws ContactNotFoundException the contact does not exist or the viewer may not see it
     */
    public List<DuplicateCandidate> of(ContactId id, Viewer viewer) {
        Contact contact = contacts.find(id, viewer).orElseThrow(() -> new ContactNotFoundException(id));
        VisibilityRule rule = VisibilityRule.of(viewer);
        Map<Long, Set<Reason>> found = new LinkedHashMap<>();
        Map<String, Object> parameters = new HashMap<>(rule.parameters());
        parameters.put("id", id.value());
        jdbc.queryForList(
                        "select distinct other.contact_id from phone_numbers mine"
                                + " join phone_numbers other on other.reversed_digits = mine.reversed_digits"
                                + " and other.e164 = mine.e164 and other.contact_id <> mine.contact_id"
                                + " join contacts c on c.id = other.contact_id"
                                + " where mine.contact_id = :id and mine.e164 is not null and " + rule.sql("c"),
                        parameters,
                        Long.class)
                .forEach(other -> add(found, other, Reason.SAME_NUMBER));
        if (contact.email() != null) {
            parameters.put("email", contact.email());
            jdbc.queryForList(
                            "select c.id from contacts c where c.email = :email and c.id <> :id and " + rule.sql("c"),
                            parameters,
                            Long.class)
                    .forEach(other -> add(found, other, Reason.SAME_EMAIL));
        }
        if (contact.account() != null) {
            parameters.put("account", contact.account().id().value());
            parameters.put("limit", MAX_ACCOUNT_CONTACTS);
            String name = comparable(contact.name());
            jdbc.query(
                    "select c.id, c.name from contacts c where c.account_id = :account and c.id <> :id and "
                            + rule.sql("c") + " order by c.id limit :limit",
                    parameters,
                    (java.sql.ResultSet rs) -> {
                        if (similar(name, comparable(rs.getString("name")))) {
                            add(found, rs.getLong("id"), Reason.SIMILAR_NAME);
                        }
                    });
        }
        List<DuplicateCandidate> candidates = new ArrayList<>();
        List<ContactId> ids = found.keySet().stream().map(ContactId::new).toList();
        for (Contact other : contacts.findAll(ids, viewer)) {
            candidates.add(new DuplicateCandidate(
                    other, Set.copyOf(found.get(other.id().value()))));
        }
        return candidates;
    }

    private static void add(Map<Long, Set<Reason>> found, long id, Reason reason) {
        found.computeIfAbsent(id, key -> EnumSet.noneOf(Reason.class)).add(reason);
    }

    static boolean similar(String one, String other) {
        return !one.isEmpty() && SIMILARITY.apply(one, other) >= SIMILAR_NAME;
    }

    /** Lower case, accents and punctuation gone, single spaces: "Dr. Zoë  Müller-Lüdenscheidt" as "dr zoe muller ludenscheidt". */
    static String comparable(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
