package io.switchboard.activity;

import io.switchboard.contact.Contacts;
import io.switchboard.directory.Viewer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Agents close their calls with a disposition code and notes, and say which contact the call was with. */
public class ActivityDispositions {

    private static final int MAX_NOTES = 4_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final ActivityHistory history;
    private final Contacts contacts;
    private final List<String> codes;
    private final ActivityMetrics metrics;
    private final Clock clock;

    ActivityDispositions(
            NamedParameterJdbcTemplate jdbc,
            ActivityHistory history,
            Contacts contacts,
            ActivityProperties properties,
            ActivityMetrics metrics,
            Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.contacts = contacts;
        this.codes = properties.dispositionCodes();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The codes an agent may choose from, in the configured order. */
    public List<String> codes() {
        return codes;
    }

    /**
     * @throws ActivityNotFoundException no such activity, or the viewer may not see it
     * @throws ActivityAccessDeniedException the viewer may see it but it is not theirs to complete
     * @throws InvalidDispositionException an unknown code, notes too long, or a contact the viewer may not see
     * @throws OptimisticLockingFailureException someone changed the activity since {@code expectedVersion}
     */
    public Activity dispose(ActivityId id, Disposition disposition, Viewer viewer) {
        String code = validCode(disposition.code());
        if (disposition.notes() != null && disposition.notes().length() > MAX_NOTES) {
            throw new InvalidDispositionException("notes", "notes must be at most " + MAX_NOTES + " characters");
        }
        if (disposition.contact() != null
                && contacts.find(disposition.contact(), viewer).isEmpty()) {
            throw new InvalidDispositionException(
                    "contact", "no contact " + disposition.contact().value());
        }
        Activity current = history.find(id, viewer).orElseThrow(() -> new ActivityNotFoundException(id));
        ActivityVisibility visibility = new ActivityVisibility(viewer);
        Map<String, Object> parameters = new HashMap<>(visibility.parameters());
        parameters.put("id", id.value());
        parameters.put("code", code);
        parameters.put("notes", disposition.notes());
        parameters.put(
                "contact",
                disposition.contact() == null ? null : disposition.contact().value());
        parameters.put("by", viewer.user().value());
        parameters.put("at", OffsetDateTime.now(clock));
        long expected = disposition.expectedVersion() == null ? current.version() : disposition.expectedVersion();
        parameters.put("version", expected);
        int updated = jdbc.update(
                "update activities set disposition = :code, notes = :notes,"
                        + " contact_id = coalesce(:contact, contact_id), disposed_by = :by, disposed_at = :at,"
                        + " version = version + 1"
                        + " where id = :id and version = :version and id in (select a.id from activities a where "
                        + visibility.completeSql() + ")",
                parameters);
        if (updated == 0) {
            Activity now = history.find(id, viewer).orElseThrow(() -> new ActivityNotFoundException(id));
            if (now.version() == expected) {
                throw new ActivityAccessDeniedException(id);
            }
            throw new OptimisticLockingFailureException(
                    "activity " + id.value() + " was changed by someone else (now version " + now.version() + ")");
        }
        metrics.disposed(code);
        return history.find(id, viewer).orElseThrow(() -> new ActivityNotFoundException(id));
    }

    private String validCode(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidDispositionException("code", "a disposition code is required");
        }
        String normalised = code.trim().toUpperCase(Locale.ROOT);
        if (!codes.contains(normalised)) {
            throw new InvalidDispositionException("code", "unknown disposition code " + code + "; one of " + codes);
        }
        return normalised;
    }
}
