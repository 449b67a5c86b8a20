package io.switchboard.ticket;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import io.switchboard.ticket.EscalationNotice.Recipient;
import io.switchboard.ticket.EscalationNotice.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who is told about an escalation (worked out inside the transaction), and telling them once it committed: a
 * notice must never go out for an escalation that was rolled back.
 */
final class EscalationNotifications {

    private static final Logger log = LoggerFactory.getLogger(EscalationNotifications.class);

    private final SupportTiers tiers;
    private final Directory directory;
    private final List<EscalationNotifier> notifiers;
    private final TicketMetrics metrics;

    EscalationNotifications(
            SupportTiers tiers, Directory directory, List<EscalationNotifier> notifiers, TicketMetrics metrics) {
        this.tiers = tiers;
        this.directory = directory;
        this.notifiers = List.copyOf(notifiers);
        this.metrics = metrics;
    }

    /** Recipients by tier for one transaction: each tier's members and supervisors are read once. */
    final class Recipients {

        private final Map<String, List<Recipient>> byTier = new HashMap<>();

        List<Recipient> of(String tier, Long assignee) {
            List<Recipient> people = byTier.computeIfAbsent(tier, EscalationNotifications.this::tierPeople);
            if (assignee == null) {
                return people;
            }
            List<Recipient> marked = new ArrayList<>(people.size());
            for (Recipient person : people) {
                marked.add(
                        person.user().value() == assignee
                                ? new Recipient(
                                        person.user(),
                                        person.username(),
                                        person.displayName(),
                                        person.extension(),
                                        Role.ASSIGNEE)
                                : person);
            }
            return marked;
        }
    }

    Recipients recipients() {
        return new Recipients();
    }

    /** Sends the notices after the current transaction commits, or now when there is none. */
    void send(List<EscalationNotice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatch(notices);
                }
            });
        } else {
            dispatch(notices);
        }
    }

    private void dispatch(List<EscalationNotice> notices) {
        for (EscalationNotice notice : notices) {
            log.info(
                    "Ticket {} escalated ({}) from {} to {}; telling {} people: {}",
                    notice.ticket().value(),
                    notice.kind(),
                    notice.fromTier(),
                    notice.toTier(),
                    notice.recipients().size(),
                    notice.reason());
            for (EscalationNotifier notifier : notifiers) {
                try {
                    notifier.escalated(notice);
                } catch (RuntimeException e) {
                    metrics.notificationFailed();
                    log.warn(
                            "Escalation notifier {} failed for ticket {}",
                            notifier.getClass().getSimpleName(),
                            notice.ticket().value(),
                            e);
                }
            }
        }
    }

    private List<Recipient> tierPeople(String tier) {
        List<DirectoryUser> members = tiers.members(tier);
        List<Recipient> people = new ArrayList<>();
        members.forEach(member -> people.add(recipient(member, Role.TIER_MEMBER)));
        List<TeamId> teams = members.stream()
                .map(DirectoryUser::team)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<UserId> memberIds = members.stream().map(DirectoryUser::id).toList();
        directory.supervisorsOf(teams).stream()
                .filter(supervisor -> !memberIds.contains(supervisor.id()))
                .forEach(supervisor -> people.add(recipient(supervisor, Role.SUPERVISOR)));
        return List.copyOf(people);
    }

    private static Recipient recipient(DirectoryUser user, Role role) {
        return new Recipient(user.id(), user.username(), user.displayName(), user.extension(), role);
    }
}
