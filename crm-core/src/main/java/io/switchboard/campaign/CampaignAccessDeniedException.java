package io.switchboard.campaign;

/** The viewer may not do this to a campaign (only campaign managers and admins run campaigns). */
public class CampaignAccessDeniedException extends RuntimeException {

    public CampaignAccessDeniedException(String message) {
        super(message);
    }
}
