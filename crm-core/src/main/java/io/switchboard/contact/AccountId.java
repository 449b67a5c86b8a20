package io.switchboard.contact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an account (the company a contact works for). In JSON it is the plain number ({@code "id": 12}), as the API documents it. */
public record AccountId(@JsonValue long value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AccountId {}
}
