package io.switchboard.contact;

import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import java.util.List;
import java.util.Set;

/**
 * A contact as the agent desktop shows it.
 *
 * @param account {@code null} when the contact belongs to no company
 * @param owner {@code null} when nobody owns the contact
 * @param team {@code null} when the contact belongs to no team
 * @param version changes with every edit; an edit based on an older version is refused (optimistic locking)
 */
public record Contact(
        ContactId id,
        String name,
        Account account,
        String email,
        UserId owner,
        TeamId team,
        Visibility visibility,
        Set<String> tags,
        String notes,
        List<Phone> phones,
        long version) {}
