package io.switchboard.contact;

import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A contact to create.
 *
 * @param company the account's name; the account is created when new; {@code null} for none
 * @param owner the owning user; {@code null} for none
 * @param team the team the contact belongs to; {@code null} takes the owner's team
 */
public record NewContact(
        String name,
        String company,
        String email,
        UserId owner,
        TeamId team,
        Visibility visibility,
        Set<String> tags,
        String notes,
        List<NewPhone> phones) {

    public NewContact {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a contact needs a name");
        }
        Objects.requireNonNull(visibility, "visibility");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }
}
