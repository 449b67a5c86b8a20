package io.switchboard.activity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an activity. In JSON it is the plain number ({@code "id": 12}), as the API documents it. */
public record ActivityId(@JsonValue long value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ActivityId {}
}
