package io.switchboard.contact;

import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;

/**
 * What the contacts page asks for: the text typed into the search box and the filters beside it. Every part may be
 * {@code null} (not filtered on).
 *
 * @param text part of a name, company, email or tag, or a phone number in any format (its end is enough)
 * @param owner only contacts this user owns
 * @param team only contacts of this team
 * @param visibility only contacts shared this way
 * @param tag only contacts with this tag (compared without case)
 * @param openTickets {@code true}: only contacts with a ticket that is not resolved or closed; {@code false}: only
 *     contacts without one
 * @param sort the order; {@code null} is {@link ContactSort#NAME}
 */
public record ContactFilter(
        String text,
        UserId owner,
        TeamId team,
        Visibility visibility,
        String tag,
        Boolean openTickets,
        ContactSort sort) {

    /** Only the search box's text, ordered by name. */
    public static ContactFilter text(String text) {
        return new ContactFilter(text, null, null, null, null, null, null);
    }
}
