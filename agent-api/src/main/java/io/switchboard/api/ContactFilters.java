package io.switchboard.api;

import io.switchboard.contact.ContactFilter;
import io.switchboard.contact.ContactSort;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import io.switchboard.security.SwitchboardUser;
import org.springframework.stereotype.Component;

/** The contacts search's query parameters as a {@link ContactFilter}: the search and its CSV export read the same. */
@Component
class ContactFilters {

    /** No user has this id: filtering on an unknown owner finds nothing rather than telling which usernames exist. */
    private static final UserId NOBODY = new UserId(-1);

    private final Directory directory;

    ContactFilters(Directory directory) {
        this.directory = directory;
    }

    ContactFilter of(
            String q,
            String owner,
            Long team,
            Visibility visibility,
            String tag,
            Boolean openTickets,
            ContactSort sort,
            SwitchboardUser me) {
        return new ContactFilter(
                q, ownerOf(owner, me), team == null ? null : new TeamId(team), visibility, tag, openTickets, sort);
    }

    private UserId ownerOf(String owner, SwitchboardUser me) {
        if (owner == null || owner.isBlank()) {
            return null;
        }
        if (owner.equals("me")) {
            return me.user().id();
        }
        return directory.findByUsername(owner.strip()).map(user -> user.id()).orElse(NOBODY);
    }
}
