package io.switchboard.campaign;

/** A request a campaign (or its leads) cannot take: names the field and says what is wrong, for a 400 answer. */
public class InvalidCampaignException extends RuntimeException {

    private final String field;

    public InvalidCampaignException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
