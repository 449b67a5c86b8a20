package io.switchboard.directory;

import java.time.Instant;

/**
 * Which entries to read; every field is optional ({@code null}: any).
 *
 * @param from inclusive
 * @param to exclusive
 */
public record AuditQuery(String actor, String action, String subjectType, String subjectId, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        subjectType = blankToNull(subjectType);
        subjectId = blankToNull(subjectId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
