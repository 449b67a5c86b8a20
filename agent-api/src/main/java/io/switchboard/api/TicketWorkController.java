package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.activity.Activity;
import io.switchboard.activity.ActivityHistory;
import io.switchboard.directory.Directory;
import io.switchboard.directory.UserId;
import io.switchboard.security.SwitchboardUser;
import io.switchboard.ticket.DeEscalationRequest;
import io.switchboard.ticket.DeEscalations;
import io.switchboard.ticket.InvalidTicketException;
import io.switchboard.ticket.Ticket;
import io.switchboard.ticket.TicketActions;
import io.switchboard.ticket.TicketCategories;
import io.switchboard.ticket.TicketId;
import io.switchboard.ticket.TicketNotFoundException;
import io.switchboard.ticket.TicketPriority;
import io.switchboard.ticket.TicketStatus;
import io.switchboard.ticket.TicketWorkbench;
import io.switchboard.ticket.Tickets;
import io.switchboard.ticket.WorkbenchQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the ticket workbench adds to the ticket API: its views, internal notes, sending a ticket back to a lower tier,
 * and the linked calls with their activities. Which tickets a user sees and works on stays the services' decision.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
class TicketWorkController {

    private final TicketWorkbench workbench;
    private final Tickets tickets;
    private final TicketActions actions;
    private final DeEscalations deEscalations;
    private final ActivityHistory activities;
    private final Directory directory;
    private final TicketCategories categories;

    TicketWorkController(
            TicketWorkbench workbench,
            Tickets tickets,
            TicketActions actions,
            DeEscalations deEscalations,
            ActivityHistory activities,
            Directory directory,
            TicketCategories categories) {
        this.workbench = workbench;
        this.tickets = tickets;
        this.actions = actions;
        this.deEscalations = deEscalations;
        this.activities = activities;
        this.directory = directory;
        this.categories = categories;
    }

    /** An internal note for colleagues: not sent to the customer, no effect on the SLA clocks. */
    record Note(@NotBlank @Size(max = 2000) String note) {}

    /**
     * @param tier a tier below the ticket's; left out: the nearest active one below
     * @param assignee a member of that tier; left out: the tier's rule
     */
    record DeEscalation(
            @Size(max = 60) String tier,
            @Size(max = 100) String assignee,
            @NotBlank @Size(max = 2000) String reason) {}

    /** A call linked to the ticket; {@code activity} is {@code null} while it is in progress or not visible. */
    record LinkedCall(String callId, Activity activity) {}

    /**
     * A view of the workbench: {@code MINE} (assigned to me), {@code TIERS} (waiting unassigned in my tiers' queues),
     * {@code TEAM} (supervisors: their team's), {@code ALL} (admins). Filters: {@code q} (subject or contact name
     * words, or a ticket number), {@code status} (default the active ones), {@code priority}, {@code tier},
     * {@code category} (one of {@code /tickets/categories} or {@code /tickets/categories/retired}), {@code tag}.
     */
    @GetMapping("/workbench")
    PageResponse<Ticket> view(
            @RequestParam(defaultValue = "MINE") WorkbenchQuery.View view,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Set<TicketStatus> status,
            @RequestParam(required = false) Set<TicketPriority> priority,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "URGENCY") WorkbenchQuery.Sort sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size,
            @AuthenticationPrincipal SwitchboardUser me) {
        if (q != null && q.length() > 200) {
            throw new InvalidTicketException("q", "q must be at most 200 characters");
        }
        if (tag != null && tag.length() > 60) {
            throw new InvalidTicketException("tag", "tag must be at most 60 characters");
        }
        Paging.page(page, size, workbench.maxPageSize());
        WorkbenchQuery query = new WorkbenchQuery(view, q, status, priority, tier, sort, category, tag);
        return PageResponse.of(workbench.find(query, me.viewer(), page, size), ticket -> ticket);
    }

    /** The categories a ticket may have, in their configured order ({@code switchboard.tickets.categories}). */
    @GetMapping("/categories")
    List<String> categories() {
        return categories.names();
    }

    /**
     * The categories taken off the managed list that tickets still carry, alphabetically: the workbench still filters
     * by them (its tickets stay findable), but no ticket may be given one.
     */
    @GetMapping("/categories/retired")
    List<String> retiredCategories() {
        return workbench.retiredCategories();
    }

    @PostMapping("/{id}/notes")
    Ticket note(@PathVariable long id, @Valid @RequestBody Note request, @AuthenticationPrincipal SwitchboardUser me) {
        return actions.note(new TicketId(id), request.note(), me.viewer());
    }

    /** Back to a lower tier with a reason; the tier's members (or the new assignee) see it arrive live. */
    @PostMapping("/{id}/de-escalations")
    Ticket deEscalate(
            @PathVariable long id,
            @Valid @RequestBody DeEscalation request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return deEscalations.deEscalate(
                new TicketId(id),
                new DeEscalationRequest(
                        request.tier() == null || request.tier().isBlank()
                                ? null
                                : request.tier().strip(),
                        user(request.assignee()),
                        request.reason()),
                me.viewer());
    }

    /** The ticket's calls in the order they were linked, each with its activity when the call log has it for me. */
    @GetMapping("/{id}/calls")
    List<LinkedCall> calls(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        Ticket ticket = tickets.find(new TicketId(id), me.viewer())
                .orElseThrow(() -> new TicketNotFoundException(new TicketId(id)));
        return ticket.callIds().stream()
                .map(callId -> new LinkedCall(
                        callId, activities.findByCallId(callId, me.viewer()).orElse(null)))
                .toList();
    }

    private UserId user(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return directory
                .findByUsername(username.strip())
                .map(user -> user.id())
                .orElseThrow(() -> new InvalidTicketException("assignee", "no user '" + username.strip() + "'"));
    }
}
