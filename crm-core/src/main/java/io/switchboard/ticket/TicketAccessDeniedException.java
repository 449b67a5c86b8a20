package io.switchboard.ticket;

/** The viewer may see the ticket but not change it (it is neither theirs, their tier's queue's nor their team's). */
public class TicketAccessDeniedException extends RuntimeException {

    public TicketAccessDeniedException(TicketId id) {
        super("not allowed to change ticket " + id.value());
    }

    /** A refusal that is not about one ticket (a list the viewer's role may not ask for). */
    public TicketAccessDeniedException(String message) {
        super(message);
    }
}
