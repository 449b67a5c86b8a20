package io.switchboard.queue;

import io.switchboard.activity.QueueCallLog;
import io.switchboard.activity.QueueCallLog.QueueCall;
import io.switchboard.activity.QueueCallLog.QueueTally;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEventHandlers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Today's figures per queue: offered, answered, abandoned, waits, talk, service level, and an Erlang C staffing
 * hint. Counted live from ended calls; after a restart, rebuilt from the day's stored activities first, so a
 * restart loses nothing.
 */
public final class QueueStatistics {

    private final QueueProperties properties;
    private final Function<String, QueueRules> rules;
    private final Clock clock;
    private final Map<String, QueueDay> queues = new TreeMap<>();
    private LocalDate day;
    /** Ended calls before this instant come from the database ({@link #rebuild}), later ones from the stream. */
    private final Instant liveFrom;

    /** Every queue counted by the global defaults. */
    QueueStatistics(QueueProperties properties, Clock clock, Instant liveFrom) {
        this(properties, queue -> properties.defaultRules(), clock, liveFrom);
    }

    /**
     * @param rules each queue's threshold and target, asked whenever figures are read (a change applies at once)
     */
    QueueStatistics(QueueProperties properties, Function<String, QueueRules> rules, Clock clock, Instant liveFrom) {
        this.properties = properties;
        this.rules = rules;
        this.clock = clock;
        this.day = currentDay();
        this.liveFrom = liveFrom;
    }

    /** Adds the day's calls that ended before the live stream took over, from the activity log. */
    synchronized void rebuild(QueueCallLog log) {
        Instant cutoff = liveFrom;
        Instant dayStart = day.atStartOfDay(properties.zone()).toInstant();
        // calls per queue, outcome and seconds waited: the service level is read later for the queue's threshold
        for (QueueTally tally : log.tallies(dayStart, cutoff)) {
            queues.computeIfAbsent(tally.queue(), name -> new QueueDay())
                    .add(
                            tally.outcome(),
                            tally.waitSeconds(),
                            tally.calls(),
                            "ANSWERED".equals(tally.outcome()) ? tally.talkSeconds() : 0);
        }
        List<QueueCall> recent = new ArrayList<>(log.calls(cutoff.minus(properties.arrivalWindow()), cutoff));
        recent.sort(Comparator.comparing(QueueCall::startedAt));
        for (QueueCall call : recent) {
            queues.computeIfAbsent(call.queue(), name -> new QueueDay()).arrived(call.startedAt());
        }
    }

    /** What the figures are counted from: ended calls. */
    CallEventHandlers handlers() {
        return CallEventHandlers.none().on(CallEnded.class, this::ended);
    }

    private synchronized void ended(CallEnded ended) {
        if (ended.queue() != null && !ended.at().isBefore(liveFrom)) {
            rollOver();
            queues.computeIfAbsent(ended.queue(), name -> new QueueDay())
                    .add(ended.outcome().name(), ended.waitSeconds(), ended.talkSeconds(), ended.startedAt());
        }
    }

    /** Today's figures of every queue that has had calls, by name. */
    public synchronized List<QueueFigures> today() {
        rollOver();
        Instant now = clock.instant();
        List<QueueFigures> figures = new ArrayList<>();
        queues.forEach((name, queue) -> figures.add(figuresOf(name, queue, now)));
        return figures;
    }

    private QueueFigures figuresOf(String name, QueueDay queue, Instant now) {
        QueueRules own = rules.apply(name);
        long window = properties.arrivalWindow().toSeconds();
        double rate = queue.arrivalRate(now, window);
        Double talk = queue.averageTalk();
        return new QueueFigures(
                name,
                queue.offered,
                queue.answered,
                queue.abandoned,
                queue.abandonRate(),
                queue.averageWait(),
                talk,
                queue.serviceLevel(own.serviceLevelSeconds(), properties.shortAbandons()),
                properties.serviceLevelFormula(own.serviceLevelSeconds()),
                rate * 3600,
                talk == null
                        ? 0
                        : ErlangC.agentsNeeded(rate, talk, own.serviceLevelSeconds(), own.serviceLevelTarget()));
    }

    /** The rules a queue is counted by now. */
    QueueRules rules(String queue) {
        return rules.apply(queue);
    }

    private void rollOver() {
        LocalDate now = currentDay();
        if (!now.equals(day)) {
            day = now;
            queues.clear();
        }
    }

    private LocalDate currentDay() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
