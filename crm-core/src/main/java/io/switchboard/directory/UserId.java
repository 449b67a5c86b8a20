package io.switchboard.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a user (agent, supervisor, campaign manager, admin). In JSON it is the plain number ({@code "id": 12}), as the API documents it. */
public record UserId(@JsonValue long value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public UserId {}
}
