package io.switchboard.directory;

import java.time.Instant;

/**
 * One change as the audit log holds it.
 *
 * @param actor the username of who made the change ({@link AuditLog#SYSTEM} for the application itself)
 * @param action what was done, e.g. {@code user.created}, {@code campaign.updated}, {@code contact.deleted}
 * @param subjectType what kind of thing changed, e.g. {@code user}, {@code campaign}, {@code dnc}
 * @param before the subject before the change as JSON; {@code null} when it was created
 * @param after the subject after the change as JSON; {@code null} when it was deleted
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        String subjectType,
        String subjectId,
        String before,
        String after) {}
