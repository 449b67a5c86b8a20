package io.switchboard.contact;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.directory.Viewer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads the caller id, looks for its exact number first, else fetches every visible number that could match at any
 * rank in one query, and keeps the contacts at the best rank.
 */
class RankedCallerLookup implements CallerLookup {

    private final PhoneNormalizer normalizer;
    private final ContactProperties properties;
    private final CallerMatchQueries queries;
    private final Map<MatchRank, Timer> timers = new EnumMap<>(MatchRank.class);

    RankedCallerLookup(
            PhoneNormalizer normalizer,
            ContactProperties properties,
            CallerMatchQueries queries,
            MeterRegistry meters) {
        this.normalizer = normalizer;
        this.properties = properties;
        this.queries = queries;
        for (MatchRank rank : MatchRank.values()) {
            timers.put(
                    rank,
                    Timer.builder("switchboard.contacts.lookup")
                            .description("Caller lookups, by the rank they matched at")
                            .tag("rank", rank.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    @Override
    public CallerMatch lookup(String callerNumber, Viewer viewer) {
        long started = System.nanoTime();
        CallerMatch match = match(callerNumber, viewer);
        timers.get(match.rank()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return match;
    }

    private CallerMatch match(String callerNumber, Viewer viewer) {
        CallerNumber caller = CallerNumber.read(callerNumber, normalizer, properties);
        if (caller.refused()) {
            return CallerMatch.none(caller.reason());
        }
        VisibilityRule rule = VisibilityRule.of(viewer);
        List<CallerMatchQueries.Candidate> candidates = queries.exact(caller, rule);
        if (candidates.isEmpty()) {
            candidates = queries.candidates(caller, rule);
        }
        return CallerRanking.best(caller, candidates, properties.maxMatches());
    }
}
