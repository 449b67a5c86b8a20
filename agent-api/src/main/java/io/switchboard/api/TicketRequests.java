package io.switchboard.api;

import io.switchboard.ticket.TicketPriority;
import io.switchboard.ticket.TicketStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The bodies of the ticket endpoints. Users are named by username; the service checks the rest (a tier's members,
 * which status may follow which, the contact's visibility) and answers 400 naming the field.
 */
final class TicketRequests {

    private TicketRequests() {}

    /**
     * A ticket from scratch.
     *
     * @param tier {@code null} for the first tier
     * @param assignee a member of that tier; {@code null} to follow the tier's rule
     * @param callId the PBX's id of a call it is about (also one still in progress)
     * @param category one of {@code GET /api/v1/tickets/categories}
     * @param tags free labels (at most 20 of at most 60 characters)
     */
    record Open(
            @NotBlank @Size(max = 300) String subject,
            @Size(max = 8000) String description,
            TicketPriority priority,
            Long contact,
            @Size(max = 60) String tier,
            @Size(max = 100) String assignee,
            @Size(max = 128) String callId,
            @Size(max = 100) String category,
            List<String> tags) {}

    /** A ticket about a call; every field may be left out (the call fills subject and description). */
    record FromCall(
            @Size(max = 300) String subject,
            @Size(max = 8000) String description,
            TicketPriority priority,
            @Size(max = 60) String tier,
            @Size(max = 100) String assignee,
            @Size(max = 100) String category,
            List<String> tags) {}

    /**
     * Changes; a field left out stays as it is.
     *
     * @param expectedVersion the version the editor saw: a newer one on the server is a 409
     * @param category one of {@code GET /api/v1/tickets/categories}; {@code ""} removes it
     * @param tags the whole new list (an empty list removes every tag)
     */
    record Edit(
            @Size(min = 1, max = 300) String subject,
            @Size(max = 8000) String description,
            TicketPriority priority,
            Long contact,
            Long expectedVersion,
            @Size(max = 2000) String reason,
            @Size(max = 100) String category,
            List<String> tags) {}

    record Status(
            @NotNull TicketStatus status, @Size(max = 2000) String reason) {}

    /** An update sent to the customer. */
    record Response(@Size(max = 2000) String note) {}

    /** @param username {@code null} gives the ticket back to its tier's queue */
    record Assignee(
            @Size(max = 100) String username,
            @Size(max = 2000) String reason) {}

    /**
     * @param tier {@code null} for the next tier
     * @param assignee a member of that tier; {@code null} to follow its rule
     */
    record Escalation(
            @Size(max = 60) String tier,
            @Size(max = 100) String assignee,
            @NotBlank @Size(max = 2000) String reason) {}

    /** A call to link: by the PBX's call id, or by its activity (exactly one of them). */
    record LinkCall(@Size(max = 128) String callId, Long activity) {}
}
