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
 * Finds contacts by what an agent types into a search box: part of a name, company or email, or the end of a phone
 * number. Only contacts the viewer may see; ordered by name.
 */
@Component
public class ContactSearch {

    /** Fewer digits than this are not searched as a phone number (they would match half the base). */
    private static final int MIN_PHONE_DIGITS = 4;

    /** The largest page a search returns. */
    public static final int MAX_PAGE_SIZE = 200;

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
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be at least 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        VisibilityRule rule = VisibilityRule.of(viewer);
        Map<String, Object> parameters = new HashMap<>(rule.parameters());
        String where = " where " + rule.sql("c");
        String query = text == null ? "" : text.strip();
        if (!query.isEmpty()) {
            String like = "%" + escape(query.toLowerCase(Locale.ROOT)) + "%";
            parameters.put("like", like);
            String condition = "lower(c.name) like :like escape '\\' or lower(c.email) like :like escape '\\'"
                    + " or c.account_id in (select a.id from accounts a where a.name_key like :like escape '\\')";
            String digits = NormalizedNumber.digitsOf(query);
            if (digits.length() >= MIN_PHONE_DIGITS
                    && digits.length() * 2 >= query.replace(" ", "").length()) {
                // the number's end is a prefix of the indexed reversed digits; a whole number typed as dialled at home
                // (030 1000002: the trunk 0 is in no stored E.164 number) is also read as lookup reads it, so that
                // search finds what the screen pop finds
                parameters.put("reversed", CallerNumber.reverse(digits) + "%");
                NormalizedNumber number = normalizer.normalize(query);
                String national = number.unparseable() ? digits : number.nationalNumber();
                parameters.put("reversedNational", CallerNumber.reverse(national) + "%");
                condition += " or c.id in (select p.contact_id from phone_numbers p"
                        + " where p.reversed_digits like :reversed or p.reversed_digits like :reversedNational)";
            }
            where += " and (" + condition + ")";
        }
        Long total = jdbc.queryForObject("select count(*) from contacts c" + where, parameters, Long.class);
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        List<ContactId> ids = jdbc
                .queryForList(
                        "select c.id from contacts c" + where + " order by c.name, c.id limit :limit offset :offset",
                        parameters,
                        Long.class)
                .stream()
                .map(ContactId::new)
                .toList();
        return new PageImpl<>(contacts.findAll(ids, viewer), PageRequest.of(page, size), total == null ? 0 : total);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
