package io.switchboard.ticket;

import io.switchboard.contact.ContactId;
import io.switchboard.directory.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket loaded for a change (its row locked): fields, SLA clocks, and the history entries the change adds. The
 * rules of statuses and clocks live here; reading, locking and writing in {@link TicketStore}.
 */
final class TicketState {

    /** One history row to write. {@code actor} is {@code null} for the system. */
    record Entry(Instant at, Long actor, ChangeKind kind, String from, String to, String reason) {}

    Long id;
    String subject;
    String description;
    String category;
    List<String> tags = new ArrayList<>();
    /** The tags were changed: the store writes them again. */
    boolean tagsChanged;

    TicketPriority priority;
    TicketStatus status;
    Long contactId;
    String contactName;
    Long accountId;
    String accountName;
    String tier;
    Long assigneeId;
    String assigneeName;
    Long openedBy;
    String slaPolicy;
    String slaCalendar;
    Instant createdAt;
    Instant updatedAt;
    Instant firstRespondedAt;
    Instant resolvedAt;
    Instant closedAt;
    Instant nextCheckAt;
    long version;
    List<String> callIds = new ArrayList<>();
    final Map<SlaTarget, SlaClock> clocks = new EnumMap<>(SlaTarget.class);
    final List<SlaTarget> removedClocks = new ArrayList<>();
    final List<Entry> entries = new ArrayList<>();
    final List<String> newCalls = new ArrayList<>();

    /** The business calendar and warning threshold the clocks are counted with. */
    record Sla(BusinessCalendar calendar, int warnPercent) {}

    void record(Instant at, Long actor, ChangeKind kind, String from, String to, String reason) {
        entries.add(new Entry(at, actor, kind, from, to, reason));
        updatedAt = at;
    }

    void startClocks(SlaPolicies.Policy policy, Instant now, Sla sla) {
        slaPolicy = policy.name();
        slaCalendar = policy.calendar();
        policy.target(SlaTarget.FIRST_RESPONSE)
                .ifPresent(target -> clocks.put(
                        SlaTarget.FIRST_RESPONSE,
                        SlaClock.start(SlaTarget.FIRST_RESPONSE, target, now, sla.calendar(), sla.warnPercent())));
        policy.target(SlaTarget.RESOLUTION)
                .ifPresent(target -> clocks.put(
                        SlaTarget.RESOLUTION,
                        SlaClock.start(SlaTarget.RESOLUTION, target, now, sla.calendar(), sla.warnPercent())));
    }

    /**
     * An update was sent to the customer: meets the first response, (re)starts the next-update clock, and a new
     * ticket becomes open.
     */
    void respond(Instant now, Long actor, String note, SlaPolicies.Policy policy, Sla sla) {
        if (!status.isActive()) {
            record(now, actor, ChangeKind.RESPONDED, null, null, note);
            return;
        }
        meetFirstResponse(now, sla);
        restartNextUpdate(now, policy, sla);
        record(now, actor, ChangeKind.RESPONDED, null, null, note);
        if (status == TicketStatus.NEW) {
            changeStatus(TicketStatus.OPEN, now, actor, "first response", policy, sla);
        }
    }

    /**
     * @throws InvalidTicketException the status cannot follow the current one
     */
    void changeStatus(TicketStatus next, Instant now, Long actor, String reason, SlaPolicies.Policy policy, Sla sla) {
        if (next == status) {
            return;
        }
        if (!status.mayBecome(next)) {
            throw new InvalidTicketException("status", "a " + status + " ticket cannot become " + next);
        }
        TicketStatus before = status;
        status = next;
        record(now, actor, ChangeKind.STATUS, before.name(), next.name(), reason);
        switch (next) {
            case PENDING_CUSTOMER -> {
                // asking the customer something is an answer to them
                meetFirstResponse(now, sla);
                clocks.values().forEach(clock -> clock.pause(now, sla.calendar()));
            }
            case OPEN -> {
                if (before == TicketStatus.RESOLVED) {
                    resolvedAt = null;
                    clock(SlaTarget.RESOLUTION).ifPresent(c -> c.reopen(now, sla.calendar(), sla.warnPercent()));
                } else {
                    clocks.values().forEach(clock -> clock.resume(now, sla.calendar(), sla.warnPercent()));
                }
                if (firstRespondedAt != null) {
                    // the customer spoke last (replied, or reopened): they are owed an update
                    restartNextUpdate(now, policy, sla);
                }
            }
            case RESOLVED, CLOSED -> {
                clocks.values().forEach(clock -> clock.meet(now, sla.calendar()));
                if (next == TicketStatus.RESOLVED) {
                    resolvedAt = now;
                } else {
                    closedAt = now;
                }
            }
            case NEW -> throw new IllegalStateException("no ticket goes back to NEW");
        }
    }

    /** A new priority: picks the policy again; the business time used so far counts against the new targets. */
    void changePriority(
            TicketPriority next, Instant now, Long actor, String reason, SlaPolicies.Policy policy, Sla sla) {
        if (next == priority) {
            return;
        }
        record(now, actor, ChangeKind.PRIORITY, priority.name(), next.name(), reason);
        priority = next;
        slaPolicy = policy.name();
        slaCalendar = policy.calendar();
        for (SlaTarget kind : List.copyOf(clocks.keySet())) {
            SlaClock clock = clocks.get(kind);
            policy.target(kind)
                    .ifPresentOrElse(
                            target -> clock.retarget(target, now, sla.calendar(), sla.warnPercent()),
                            () -> removeClock(kind));
        }
    }

    /**
     * The ticket moved to a tier with an SLA policy of its own: its clocks start over under that policy, from now
     * and in the policy's calendar. A promise already kept stays kept; a target the policy does not make is dropped.
     */
    void restartClocks(SlaPolicies.Policy policy, Instant now, Sla sla) {
        slaPolicy = policy.name();
        slaCalendar = policy.calendar();
        for (SlaTarget kind : List.copyOf(clocks.keySet())) {
            SlaClock clock = clocks.get(kind);
            if (!clock.isMet()) {
                policy.target(kind)
                        .ifPresentOrElse(
                                target -> clock.startOver(target, now, sla.calendar(), sla.warnPercent()),
                                () -> removeClock(kind));
            }
        }
    }

    void assign(Long assignee, String assigneeUsername, Instant now, Long actor, String reason) {
        if (Objects.equals(assignee, assigneeId)) {
            return;
        }
        record(now, actor, ChangeKind.ASSIGNEE, assigneeName, assigneeUsername, reason);
        assigneeId = assignee;
        assigneeName = assigneeUsername;
    }

    void changeCategory(String to, Instant now, Long actor, String reason) {
        if (!Objects.equals(to, category)) {
            record(now, actor, ChangeKind.CATEGORY, category, to, reason);
            category = to;
        }
    }

    void changeTags(List<String> to, Instant now, Long actor, String reason) {
        if (!to.equals(tags)) {
            record(now, actor, ChangeKind.TAGS, String.join(", ", tags), String.join(", ", to), reason);
            tags = new ArrayList<>(to);
            tagsChanged = true;
        }
    }

    void moveTier(String to, ChangeKind kind, Instant now, Long actor, String reason) {
        record(now, actor, kind, tier, to, reason);
        tier = to;
    }

    void linkCall(String callId, Instant now, Long actor) {
        if (!callIds.contains(callId)) {
            callIds.add(callId);
            newCalls.add(callId);
            record(now, actor, ChangeKind.CALL_LINKED, null, callId, null);
        }
    }

    Optional<SlaClock> clock(SlaTarget kind) {
        return Optional.ofNullable(clocks.get(kind));
    }

    Collection<SlaClock> clocks() {
        return clocks.values();
    }

    /** The earliest warning or breach not yet acted on, for the scheduler's index. */
    void refreshNextCheck() {
        nextCheckAt = clocks.values().stream()
                .map(SlaClock::nextCheck)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    Ticket view(Instant now, BusinessCalendar calendar) {
        return new Ticket(
                new TicketId(id),
                subject,
                description,
                priority,
                status,
                contactId == null ? null : new ContactId(contactId),
                contactName,
                tier,
                assigneeId == null ? null : new UserId(assigneeId),
                assigneeName,
                openedBy == null ? null : new UserId(openedBy),
                createdAt,
                updatedAt,
                firstRespondedAt,
                resolvedAt,
                closedAt,
                slaPolicy,
                callIds,
                clocks.values().stream().map(c -> c.state(now, calendar)).toList(),
                version,
                category,
                tags);
    }

    private void meetFirstResponse(Instant now, Sla sla) {
        if (firstRespondedAt == null) {
            firstRespondedAt = now;
        }
        clock(SlaTarget.FIRST_RESPONSE).ifPresent(clock -> clock.meet(now, sla.calendar()));
    }

    private void restartNextUpdate(Instant now, SlaPolicies.Policy policy, Sla sla) {
        policy.target(SlaTarget.NEXT_UPDATE).ifPresent(target -> {
            SlaClock clock =
                    clocks.computeIfAbsent(SlaTarget.NEXT_UPDATE, kind -> new SlaClock(kind, target.toSeconds()));
            clock.targetSeconds = target.toSeconds();
            clock.restart(now, sla.calendar(), sla.warnPercent());
            if (status == TicketStatus.PENDING_CUSTOMER) {
                clock.pause(now, sla.calendar());
            }
        });
    }

    private void removeClock(SlaTarget kind) {
        SlaClock removed = clocks.remove(kind);
        if (removed != null && removed.stored) {
            removedClocks.add(kind);
        }
    }
}
