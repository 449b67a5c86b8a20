package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.activity.ActivityId;
import io.switchboard.contact.ContactId;
import io.switchboard.directory.Directory;
import io.switchboard.directory.UserId;
import io.switchboard.security.SwitchboardUser;
import io.switchboard.ticket.EscalationRequest;
import io.switchboard.ticket.Escalations;
import io.switchboard.ticket.InvalidTicketException;
import io.switchboard.ticket.NewTicket;
import io.switchboard.ticket.Ticket;
import io.switchboard.ticket.TicketActions;
import io.switchboard.ticket.TicketChange;
import io.switchboard.ticket.TicketEdit;
import io.switchboard.ticket.TicketFromCall;
import io.switchboard.ticket.TicketId;
import io.switchboard.ticket.TicketNotFoundException;
import io.switchboard.ticket.TicketQuery;
import io.switchboard.ticket.TicketStatus;
import io.switchboard.ticket.Tickets;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets: open one (from scratch or from a call), list, read with its history, and work on it. Which tickets a
 * user sees and works on is the service's decision (404 for one they may not see, 403 for one they see but may
 * not change).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tickets", description = "Tickets about contacts and their calls, worked through support tiers with SLAs")
class TicketController {

    /** No user has this id: asking for an unknown user's tickets finds none. */
    private static final UserId NOBODY = new UserId(-1);

    private final Tickets tickets;
    private final TicketActions actions;
    private final Escalations escalations;
    private final Directory directory;
    private final CallAccess calls;

    TicketController(
            Tickets tickets, TicketActions actions, Escalations escalations, Directory directory, CallAccess calls) {
        this.calls = calls;
        this.tickets = tickets;
        this.actions = actions;
        this.escalations = escalations;
        this.directory = directory;
    }

    @PostMapping("/tickets")
    ResponseEntity<Ticket> open(
            @Valid @RequestBody TicketRequests.Open request, @AuthenticationPrincipal SwitchboardUser me) {
        if (request.callId() != null && !request.callId().isBlank()) {
            calls.requireVisible(request.callId(), me);
        }
        Ticket opened = tickets.open(
                new NewTicket(
                        request.subject(),
                        request.description(),
                        request.priority(),
                        request.contact() == null ? null : new ContactId(request.contact()),
                        request.tier(),
                        user("assignee", request.assignee()),
                        request.callId(),
                        request.category(),
                        request.tags()),
                me.viewer());
        return created(opened);
    }

    /** A ticket about the call: its contact, and a subject and description from the call unless given. */
    @PostMapping("/activities/{id}/ticket")
    ResponseEntity<Ticket> openFromCall(
            @PathVariable long id,
            @Valid @RequestBody(required = false) TicketRequests.FromCall request,
            @AuthenticationPrincipal SwitchboardUser me) {
        TicketFromCall choices = request == null
                ? TicketFromCall.defaults()
                : new TicketFromCall(
                        request.subject(),
                        request.description(),
                        request.priority(),
                        request.tier(),
                        user("assignee", request.assignee()),
                        request.category(),
                        request.tags());
        return created(tickets.openFromActivity(new ActivityId(id), choices, me.viewer()));
    }

    /**
     * Filtered by contact id, tier, the tier's queue ({@code unassigned}), assignee ({@code me} or a username) and
     * active (new, open, pending) only; newest first, or the next SLA deadline first ({@code order=URGENCY}, the
     * default for active tickets).
     */
    @GetMapping("/tickets")
    PageResponse<Ticket> list(
            @RequestParam(required = false) Long contact,
            @RequestParam(required = false) String tier,
            @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(required = false) String assignee,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(required = false) TicketQuery.Order order,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal SwitchboardUser me) {
        UserId assigneeId = assignee == null || assignee.isBlank()
                ? null
                : "me".equals(assignee)
                        ? me.user().id()
                        // an unknown username lists nothing rather than saying which usernames exist
                        : directory
                                .findByUsername(assignee)
                                .map(user -> user.id())
                                .orElse(NOBODY);
        TicketQuery query = new TicketQuery(
                contact == null ? null : new ContactId(contact),
                tier == null || tier.isBlank() ? null : tier,
                unassigned,
                assigneeId,
                active ? TicketStatus.ACTIVE : Set.of(),
                order != null ? order : active ? TicketQuery.Order.URGENCY : TicketQuery.Order.NEWEST);
        Paging.page(page, size, tickets.maxPageSize());
        return PageResponse.of(tickets.find(query, me.viewer(), page, size), ticket -> ticket);
    }

    @GetMapping("/tickets/{id}")
    Ticket get(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return tickets.find(new TicketId(id), me.viewer())
                .orElseThrow(() -> new TicketNotFoundException(new TicketId(id)));
    }

    /** Every change, oldest first: who, when, what (from, to) and why. */
    @GetMapping("/tickets/{id}/history")
    List<TicketChange> history(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return tickets.history(new TicketId(id), me.viewer());
    }

    @PutMapping("/tickets/{id}")
    Ticket edit(
            @PathVariable long id,
            @Valid @RequestBody TicketRequests.Edit request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return actions.edit(
                new TicketId(id),
                new TicketEdit(
                        request.subject(),
                        request.description(),
                        request.priority(),
                        request.contact() == null ? null : new ContactId(request.contact()),
                        request.expectedVersion(),
                        request.reason(),
                        request.category(),
                        request.tags()),
                me.viewer());
    }

    @PostMapping("/tickets/{id}/status")
    Ticket changeStatus(
            @PathVariable long id,
            @Valid @RequestBody TicketRequests.Status request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return actions.changeStatus(new TicketId(id), request.status(), request.reason(), me.viewer());
    }

    /** Records an update sent to the customer (meets the first response, restarts the next-update clock). */
    @PostMapping("/tickets/{id}/responses")
    Ticket respond(
            @PathVariable long id,
            @Valid @RequestBody(required = false) TicketRequests.Response request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return actions.respond(new TicketId(id), request == null ? null : request.note(), me.viewer());
    }

    /** To a member of the ticket's tier, or back to the tier's queue ({@code username} null). */
    @PostMapping("/tickets/{id}/assignee")
    Ticket assign(
            @PathVariable long id,
            @Valid @RequestBody TicketRequests.Assignee request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return actions.assign(new TicketId(id), user("username", request.username()), request.reason(), me.viewer());
    }

    /** To the named tier or the next one, with a reason; the new tier's members are told on their desktops. */
    @PostMapping("/tickets/{id}/escalations")
    Ticket escalate(
            @PathVariable long id,
            @Valid @RequestBody TicketRequests.Escalation request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return escalations.escalate(
                new TicketId(id),
                new EscalationRequest(
                        request.tier() == null || request.tier().isBlank() ? null : request.tier(),
                        user("assignee", request.assignee()),
                        request.reason()),
                me.viewer());
    }

    /** Links a call by the PBX's call id (also one in progress) or by its activity. */
    @PostMapping("/tickets/{id}/calls")
    Ticket linkCall(
            @PathVariable long id,
            @Valid @RequestBody TicketRequests.LinkCall request,
            @AuthenticationPrincipal SwitchboardUser me) {
        boolean byCallId = request.callId() != null && !request.callId().isBlank();
        if (byCallId == (request.activity() != null)) {
            throw new InvalidTicketException("callId", "give either callId or activity");
        }
        if (byCallId) {
            calls.requireVisible(request.callId(), me);
        }
        return byCallId
                ? actions.linkCall(new TicketId(id), request.callId(), me.viewer())
                : actions.linkActivity(new TicketId(id), new ActivityId(request.activity()), me.viewer());
    }

    private UserId user(String field, String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return directory
                .findByUsername(username.strip())
                .map(user -> user.id())
                .orElseThrow(() -> new InvalidTicketException(field, "no user '" + username.strip() + "'"));
    }

    private static ResponseEntity<Ticket> created(Ticket ticket) {
        return ResponseEntity.created(
                        URI.create("/api/v1/tickets/" + ticket.id().value()))
                .body(ticket);
    }
}
