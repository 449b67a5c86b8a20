package io.switchboard.contact;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.contact.external.ExternalLookup;
import io.switchboard.directory.Viewer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
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
    private final Executor alongside;

    /**
     * @param alongside runs the history and the contributors while the calling thread reads the contacts, each query
     *     on a connection of its own; {@code Runnable::run} reads them one after another
     */
    CallerContexts(
            CallerLookup lookup,
            Contacts contacts,
            RecentActivities activities,
            List<CallerContextContributor> contributors,
            MeterRegistry meters,
            int recentActivities,
            ExternalCallers externals,
            Executor alongside) {
        this.lookup = lookup;
        this.contacts = contacts;
        this.activities = activities;
        this.contributors = List.copyOf(contributors);
        this.meters = meters;
        this.recentActivities = recentActivities;
        this.externals = externals;
        this.alongside = alongside;
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
        Local local = local(callerNumber, ids, viewer);
        return new CallerContext(
                callerNumber,
                match,
                local.contacts(),
                local.history(),
                local.sections(),
                externals.finish(external, local.contacts()));
    }

    /**
     * Runs the pop's queries for a caller nobody has, so that the first real pops after a start find the connections
     * open, the classes loaded and the code compiled rather than waiting for all that. Reads only.
     */
    public void warmUp(Viewer viewer, int rounds) {
        for (int round = 0; round < rounds; round++) {
            lookup.lookup(WARM_UP_NUMBER, viewer);
            local(WARM_UP_NUMBER, List.of(new ContactId(0)), viewer);
        }
    }

    /** What the local database knows about the matched contacts: the history and sections read alongside them. */
    private Local local(String callerNumber, List<ContactId> ids, Viewer viewer) {
        CallerContextRequest request = new CallerContextRequest(callerNumber, ids, viewer);
        CompletableFuture<List<RecentActivity>> history = CompletableFuture.supplyAsync(
                () -> activities.latest(ids, recentActivities).stream()
                        .limit(recentActivities)
                        .toList(),
                alongside);
        List<CompletableFuture<Optional<Object>>> contributions = contributors.stream()
                .map(contributor -> CompletableFuture.supplyAsync(() -> contribution(contributor, request), alongside))
                .toList();
        List<Contact> found = contacts.findAll(ids, viewer);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (int i = 0; i < contributors.size(); i++) {
            String name = contributors.get(i).name();
            joined(contributions.get(i)).ifPresent(data -> sections.put(name, data));
        }
        return new Local(found, joined(history), sections);
    }

    private record Local(List<Contact> contacts, List<RecentActivity> history, Map<String, Object> sections) {}

    /** A number in the reserved drama range (Ofcom's 01632 960xxx): no real caller has it. */
    private static final String WARM_UP_NUMBER = "+441632960000";

    /** The result, or what went wrong as it would have been thrown had the work run on this thread. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
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
