package io.switchboard.contact;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a screen pop shows about a caller, before the agent answers.
 *
 * @param match how the caller's number matched (rank, or why nothing matched)
 * @param contacts the matched contacts in full, with their accounts; the agent picks one when there are several
 * @param recentActivities the latest activities with any of these contacts, newest first
 * @param sections what other packages contributed, by contributor name
 * @param external what the external CRM answered, merged with {@code contacts};
 *     {@link ExternalRecords#NOT_CONFIGURED} when there is none
 */
public record CallerContext(
        String callerNumber,
        CallerMatch match,
        List<Contact> contacts,
        List<RecentActivity> recentActivities,
        Map<String, Object> sections,
        ExternalRecords external) {

    public CallerContext {
        contacts = List.copyOf(contacts);
        recentActivities = List.copyOf(recentActivities);
        sections = Map.copyOf(sections);
        external = Objects.requireNonNull(external, "external");
    }

    /** A pop from the local contacts alone, as where no external CRM is configured. */
    public CallerContext(
            String callerNumber,
            CallerMatch match,
            List<Contact> contacts,
            List<RecentActivity> recentActivities,
            Map<String, Object> sections) {
        this(callerNumber, match, contacts, recentActivities, sections, ExternalRecords.NOT_CONFIGURED);
    }
}
