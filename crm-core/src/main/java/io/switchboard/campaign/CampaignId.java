package io.switchboard.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a campaign. In JSON it is the plain number ({@code "id": 12}), as the API documents it; as text too, so
 * it reads the same in a path, a log line or a channel variable.
 */
public record CampaignId(@JsonValue long value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CampaignId {}

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
