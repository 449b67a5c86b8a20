package io.switchboard.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a lead (one number of a campaign's list). In JSON it is the plain number ({@code "id": 12}), as the API documents it; as text too, so
 * it reads the same in a path, a log line or a channel variable.
 */
public record LeadId(@JsonValue long value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LeadId {}

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
