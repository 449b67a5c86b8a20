package io.switchboard.contact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a contact. In JSON it is the plain number ({@code "id": 12}), as the API documents it. */
public record ContactId(@JsonValue long value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ContactId {}
}
