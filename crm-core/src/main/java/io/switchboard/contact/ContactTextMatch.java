package io.switchboard.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the search box's text matches, as SQL in the two shapes {@link ContactTextSearch} needs: each place the text
 * can be found as a query of its own that one index serves ({@link #branches}), and any of them as one condition on a
 * contact ({@link #condition}), for reading contacts in the page's order and keeping those that match.
 *
 * <p>Places, in the order of {@link #branches}: the name or e-mail holds the text (trigram indexes on PostgreSQL), the
 * company's name holds it, a tag is it (without case), or, when it is mostly digits, a number ends with it, also read
 * as a number dialled at home.
 */
final class ContactTextMatch {

    /** Fewer digits than this are not searched as a phone number (they would match half the base). */
    private static final int MIN_PHONE_DIGITS = 4;

    /** {@code search_text} is the lower-cased name and e-mail, kept by the database (migration {@code V24_10}). */
    private static final String NAME_OR_EMAIL = "c.search_text like :like escape '\\'";

    private final boolean phones;
    private final String phoneCondition;

    private ContactTextMatch(boolean phones, String phoneCondition) {
        this.phones = phones;
        this.phoneCondition = phoneCondition;
    }

    /** Reads the text and puts the parameters its SQL uses into {@code parameters}. */
    static ContactTextMatch of(String text, PhoneNormalizer normalizer, Map<String, Object> parameters) {
        String lower = text.toLowerCase(Locale.ROOT);
        // a line break is what separates the name from the e-mail in search_text: typed, it would match across them
        parameters.put("like", "%" + escape(lower.replace('\n', ' ')) + "%");
        parameters.put("tagText", lower);
        String digits = NormalizedNumber.digitsOf(text);
        if (digits.length() < MIN_PHONE_DIGITS
                || digits.length() * 2 < text.replace(" ", "").length()) {
            return new ContactTextMatch(false, null);
        }
        // the number's end is a prefix of the indexed reversed digits; a whole number typed as dialled at home
        // (030 1000002: the trunk 0 is in no stored E.164 number) is also read as lookup reads it, so that search
        // finds what the screen pop finds. Prefixes are ranges, which the index serves in any collation.
        NormalizedNumber number = normalizer.normalize(text);
        String national = number.unparseable() ? digits : number.nationalNumber();
        String condition = "(" + CallerMatchQueries.prefix(CallerNumber.reverse(digits), "typed", parameters) + " or "
                + CallerMatchQueries.prefix(CallerNumber.reverse(national), "national", parameters) + ")";
        return new ContactTextMatch(true, condition);
    }

    /**
     * One query per place, each selecting {@code columns} of the matching contacts {@code c} that pass {@code where}
     * (a condition on {@code c}). Name and e-mail are one branch, so that PostgreSQL combines their two indexes (or,
     * for a text half the base holds, reads contacts until it has enough) instead of answering twice.
     *
     * <p>The tag branch finds each tagged contact by its id as {@code = any(array[...])} rather than {@code =}: with an
     * equality PostgreSQL planned a common tag as a hash join that reads 60,000 contacts (in a sequential scan) to
     * find the first 1,001 tagged ones; this form cannot be hashed, so it is a lookup by primary key per tag entry,
     * and stops after 1,001.
     */
    List<String> branches(String where, String columns) {
        List<String> branches = new ArrayList<>();
        branches.add("select " + columns + " from contacts c" + where + " and " + NAME_OR_EMAIL);
        branches.add("select " + columns + " from contacts c join accounts a on a.id = c.account_id" + where
                + " and a.name_key like :like escape '\\'");
        branches.add("select " + columns + " from contact_tags st join contacts c on c.id = any(array[st.contact_id])"
                + where + " and lower(st.tag) = :tagText");
        if (phones) {
            branches.add("select " + columns + " from phone_numbers p join contacts c on c.id = p.contact_id" + where
                    + " and " + phoneCondition);
        }
        return branches;
    }

    /** Whether contact {@code c} matches in any place. */
    String condition() {
        List<Integer> all = new ArrayList<>();
        for (int branch = 0; branch < (phones ? 4 : 3); branch++) {
            all.add(branch);
        }
        return condition(all);
    }

    /**
     * Whether contact {@code c} matches in one of the places numbered as in {@link #branches}. The company and the
     * number are uncorrelated {@code in} lists, which PostgreSQL reads once into a hash (few companies or numbers
     * match), the tag a lookup per contact.
     */
    String condition(Collection<Integer> branches) {
        List<String> conditions = new ArrayList<>();
        for (int branch : branches) {
            conditions.add(
                    switch (branch) {
                        case 0 -> NAME_OR_EMAIL;
                        case 1 ->
                            "c.account_id in (select a.id from accounts a where a.name_key like :like escape '\\')";
                        // looked up for each contact read (its own tags through the primary key), not hashed:
                        // a walk reads a few thousand contacts, a common tag has tens of thousands of entries to
                        // hash (4 times slower at 16,667); "offset 0 rows" keeps PostgreSQL from hashing it
                        case 2 ->
                            "exists (select 1 from contact_tags st where st.contact_id = c.id"
                                    + " and lower(st.tag) = :tagText offset 0 rows)";
                        case 3 -> "c.id in (select p.contact_id from phone_numbers p where " + phoneCondition + ")";
                        default -> throw new IllegalArgumentException("no place " + branch);
                    });
        }
        return "(" + String.join(" or ", conditions) + ")";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
