package io.switchboard.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies one dial attempt of a lead. In JSON it is the plain number ({@code "id": 12}), as the API documents it; as text too, so
 * it reads the same in a path, a log line or a channel variable.
 */
public record AttemptId(@JsonValue long value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AttemptId {}

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
