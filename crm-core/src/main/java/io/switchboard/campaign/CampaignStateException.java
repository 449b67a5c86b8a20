package io.switchboard.campaign;

/** The campaign or lead is not in a state that allows this (finishing a finished campaign, disposing twice): a 409. */
public class CampaignStateException extends RuntimeException {

    public CampaignStateException(String message) {
        super(message);
    }
}
