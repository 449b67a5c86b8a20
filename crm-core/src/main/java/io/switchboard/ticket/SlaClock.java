package io.switchboard.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA target of one ticket (a row of {@code ticket_sla_clocks}). While it runs it knows when it warns and when
 * it breaches; pausing banks the business time used so far, resuming schedules the rest from the new start. The
 * {@code warnedAt} / {@code breachedAt} marks say that the escalation for that moment was done: they are never set
 * twice, which is what keeps a rerun or a second node from escalating again.
 */
final class SlaClock {

    final SlaTarget kind;
    long targetSeconds;
    /** Business seconds used before {@link #runningSince}. */
    long consumedSeconds;
    /** {@code null} while paused or met. */
    Instant runningSince;

    Instant warnAt;
    Instant dueAt;
    Instant warnedAt;
    Instant breachedAt;
    Instant metAt;

    boolean stored;
    boolean changed;

    SlaClock(SlaTarget kind, long targetSeconds) {
        this.kind = kind;
        this.targetSeconds = targetSeconds;
    }

    static SlaClock start(SlaTarget kind, Duration target, Instant now, BusinessCalendar calendar, int warnPercent) {
        SlaClock clock = new SlaClock(kind, target.toSeconds());
        clock.changed = true;
        clock.run(now, calendar, warnPercent);
        return clock;
    }

    boolean isRunning() {
        return runningSince != null;
    }

    boolean isMet() {
        return metAt != null;
    }

    /** Stops counting (pending the customer), keeping the business time used. */
    void pause(Instant now, BusinessCalendar calendar) {
        if (runningSince != null) {
            consumedSeconds += Math.max(0, calendar.between(runningSince, now).toSeconds());
            runningSince = null;
            warnAt = null;
            dueAt = null;
            changed = true;
        }
    }

    /** Counts on from where it paused. */
    void resume(Instant now, BusinessCalendar calendar, int warnPercent) {
        if (metAt == null && runningSince == null) {
            run(now, calendar, warnPercent);
        }
    }

    /** Starts over with the whole target (the next-update clock after each update). */
    void restart(Instant now, BusinessCalendar calendar, int warnPercent) {
        consumedSeconds = 0;
        warnedAt = null;
        breachedAt = null;
        metAt = null;
        run(now, calendar, warnPercent);
    }

    /** The promise was kept (or no longer applies): stops for good unless {@link #reopen reopened}. */
    void meet(Instant now, BusinessCalendar calendar) {
        if (metAt == null) {
            pause(now, calendar);
            metAt = now;
            changed = true;
        }
    }

    /** A resolved ticket was reopened: counts on with the time it had left. */
    void reopen(Instant now, BusinessCalendar calendar, int warnPercent) {
        if (metAt != null) {
            metAt = null;
            run(now, calendar, warnPercent);
        }
    }

    /**
     * Another policy's whole target from now (the ticket moved to a tier with a policy of its own): the warning and
     * breach marks of the old target are cleared, so the new one escalates in its turn. A paused clock stays paused.
     */
    void startOver(Duration target, Instant now, BusinessCalendar calendar, int warnPercent) {
        boolean running = runningSince != null;
        targetSeconds = target.toSeconds();
        consumedSeconds = 0;
        warnedAt = null;
        breachedAt = null;
        changed = true;
        if (running) {
            run(now, calendar, warnPercent);
        }
    }

    /** A new priority brought a new target: the time used so far counts against it. */
    void retarget(Duration target, Instant now, BusinessCalendar calendar, int warnPercent) {
        boolean running = runningSince != null;
        pause(now, calendar);
        targetSeconds = target.toSeconds();
        changed = true;
        if (running) {
            run(now, calendar, warnPercent);
        }
    }

    boolean warningDue(Instant now) {
        return runningSince != null && warnedAt == null && breachedAt == null && !warnAt.isAfter(now);
    }

    boolean breachDue(Instant now) {
        return runningSince != null && breachedAt == null && !dueAt.isAfter(now);
    }

    void markWarned(Instant now) {
        warnedAt = now;
        changed = true;
    }

    void markBreached(Instant now) {
        if (warnedAt == null) {
            warnedAt = now;
        }
        breachedAt = now;
        changed = true;
    }

    /** When the scheduler must look at this clock next; {@code null} when there is nothing left to escalate. */
    Instant nextCheck() {
        if (runningSince == null || breachedAt != null) {
            return null;
        }
        return warnedAt == null ? warnAt : dueAt;
    }

    SlaState state(Instant now, BusinessCalendar calendar) {
        Duration left;
        if (runningSince != null) {
            left = calendar.between(now, dueAt);
        } else if (metAt == null) {
            left = Duration.ofSeconds(targetSeconds - consumedSeconds);
        } else {
            left = Duration.ZERO;
        }
        return new SlaState(
                kind,
                Duration.ofSeconds(targetSeconds),
                dueAt,
                left,
                metAt == null && runningSince == null,
                metAt,
                warnedAt,
                breachedAt);
    }

    private void run(Instant now, BusinessCalendar calendar, int warnPercent) {
        runningSince = now;
        long left = Math.max(0, targetSeconds - consumedSeconds);
        long warnLeft = Math.max(0, (targetSeconds * warnPercent + 99) / 100 - consumedSeconds);
        dueAt = calendar.plus(now, Duration.ofSeconds(left));
        warnAt = calendar.plus(now, Duration.ofSeconds(warnLeft));
        changed = true;
    }
}
