package io.switchboard.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a team of agents and their supervisors. In JSON it is the plain number ({@code "id": 12}), as the API documents it. */
public record TeamId(@JsonValue long value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TeamId {}
}
