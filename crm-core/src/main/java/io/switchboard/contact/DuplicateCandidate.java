package io.switchboard.contact;

import java.util.Set;

/**
 * A contact that is likely the same person as the one asked about, and why.
 *
 * @param reasons {@code SAME_NUMBER} (a phone number with the same E.164 form), {@code SAME_EMAIL}, {@code
 *     SIMILAR_NAME} (a similar name in the same account)
 */
public record DuplicateCandidate(Contact contact, Set<Reason> reasons) {

    public enum Reason {
        SAME_NUMBER,
        SAME_EMAIL,
        SIMILAR_NAME
    }
}
