package io.switchboard.contact;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.contact.external.ExternalLookup;
import io.switchboard.directory.Viewer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the screen pop's {@link CallerContext}: lookup, full contacts, recent history, contributed sections, and
 * what the external CRM (if one is configured) knows, asked alongside and never waited for past its deadline.
 */
public class CallerContexts {

    private static final Logger log = LoggerFactory.getLogger(CallerContexts.class);

    private final CallerLookup lookup;
    private final Contacts contacts;
    private final RecentActivities activities;
    private final List<CallerContextContributor> contributors;
    private final MeterRegistry meters;
    private final int recentActivities;
    private final ExternalCallers externals;

    CallerContexts(
            CallerLookup lookup,
            Contacts contacts,
            RecentActivities activities,
            List<CallerContextContributor> contributors,
            MeterRegistry meters,
            int recentActivities,
            ExternalCallers externals) {
        this.lookup = lookup;
        this.contacts = contacts;
        this.activities = activities;
        this.contributors = List.copyOf(contributors);
        this.meters = meters;
        this.recentActivities = recentActivities;
        this.externals = externals;
    }

    public CallerContext contextFor(String callerNumber, Viewer viewer) {
        // Asked first, so that the external CRM searches while the local database does.
        CompletableFuture<ExternalLookup> external = externals.start(callerNumber);
        CallerMatch match = lookup.lookup(callerNumber, viewer);
        if (match.isEmpty()) {
            return new CallerContext(
                    callerNumber, match, List.of(), List.of(), Map.of(), externals.finish(external, List.of()));
        }
        List<ContactId> ids = match.contacts().stream().map(MatchedContact::id).toList();
        List<Contact> found = contacts.findAll(ids, viewer);
        List<RecentActivity> history = activities.latest(ids, recentActivities).stream()
                .limit(recentActivities)
                .toList();
        CallerContextRequest request = new CallerContextRequest(callerNumber, ids, viewer);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (CallerContextContributor contributor : contributors) {
            contribution(contributor, request).ifPresent(data -> sections.put(contributor.name(), data));
        }
        return new CallerContext(callerNumber, match, found, history, sections, externals.finish(external, found));
    }

    // A pop without tickets beats no pop: one failing contributor must not take the others down with it.
    private Optional<Object> contribution(CallerContextContributor contributor, CallerContextRequest request) {
        try {
            return contributor.contribute(request);
        } catch (RuntimeException e) {
            meters.counter("switchboard.contacts.context.failures", "contributor", contributor.name())
                    .increment();
            log.warn("Caller context contributor {} failed; the pop goes out without it", contributor.name(), e);
            return Optional.empty();
        }
    }
}
