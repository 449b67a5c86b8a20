package io.switchboard.workbench;

import io.switchboard.desktop.Desktops;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.UserId;
import io.switchboard.gateway.edge.EdgeMessage;
import io.switchboard.ticket.SupportTiers;
import io.switchboard.ticket.TicketNews;
import io.switchboard.ticket.TicketPriority;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Puts ticket news on the desktops and workbench pages it concerns, once the change is committed (news of a change
 * that was rolled back never goes out): a ticket arriving in a tier's queue to the tier's members, a response, a
 * note or a ticket sent back to a member to the ticket's assignee. Nobody is told of their own change. The edge
 * queues the frames and returns at once, so the request that made the change does not wait for a desktop.
 * Escalations reach the same pages as {@code ticketEscalated} ({@code DesktopEscalationNotifier}).
 */
@Component
class TicketNewsToDesktops {

    static final String TICKET_NEWS = "ticketNews";

    private final Desktops edge;
    private final SupportTiers tiers;
    private final Directory directory;

    TicketNewsToDesktops(Desktops edge, SupportTiers tiers, Directory directory) {
        this.edge = edge;
        this.tiers = tiers;
        this.directory = directory;
    }

    /**
     * What a page shows.
     *
     * @param assignee the username who has the ticket now; {@code null} while it waits in the queue
     * @param actor the display name of who made the change
     */
    record TicketNewsMessage(
            long ticket,
            TicketNews.Kind kind,
            String subject,
            TicketPriority priority,
            String tier,
            String assignee,
            String actor,
            Instant at) {}

    @TransactionalEventListener
    void committed(TicketNews news) {
        List<DirectoryUser> recipients = switch (news.kind()) {
            case QUEUED -> tiers.members(news.tier());
            case RESPONDED, NOTED, DE_ESCALATED ->
                news.assignee() == null
                        ? List.of()
                        : directory.find(news.assignee()).stream().toList();
        };
        recipients = recipients.stream()
                .filter(user -> !Objects.equals(user.id(), news.actor()))
                .toList();
        if (recipients.isEmpty()) {
            return;
        }
        EdgeMessage message = EdgeMessage.essential(TICKET_NEWS, message(news));
        recipients.forEach(user -> edge.sendToUser(user.username(), message));
    }

    private TicketNewsMessage message(TicketNews news) {
        return new TicketNewsMessage(
                news.ticket().value(),
                news.kind(),
                news.subject(),
                news.priority(),
                news.tier(),
                username(news.assignee()),
                news.actor() == null
                        ? "system"
                        : directory
                                .find(news.actor())
                                .map(DirectoryUser::displayName)
                                .orElse(null),
                news.at());
    }

    private String username(UserId user) {
        return user == null
                ? null
                : directory.find(user).map(DirectoryUser::username).orElse(null);
    }
}
