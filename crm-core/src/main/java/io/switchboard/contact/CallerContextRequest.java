package io.switchboard.contact;

import io.switchboard.directory.Viewer;
import java.util.List;

/**
 * What a {@link CallerContextContributor} is asked about: a caller, the contacts they matched (already limited to
 * those the viewer may see) and the viewer the pop is for.
 */
public record CallerContextRequest(String callerNumber, List<ContactId> contacts, Viewer viewer) {

    public CallerContextRequest {
        contacts = List.copyOf(contacts);
    }
}
