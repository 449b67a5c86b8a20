package io.switchboard.ticket;

/** No such ticket, or none the viewer may see (the two are not told apart, so ids reveal nothing). */
public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(TicketId id) {
        super("no ticket " + id.value());
    }
}
