package io.switchboard.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a ticket. In JSON it is the plain number ({@code "id": 12}), as the API documents it. */
public record TicketId(@JsonValue long value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TicketId {}
}
