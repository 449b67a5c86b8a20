package io.switchboard.campaign;

/** No such campaign (or lead attempt), or none the viewer may see: the two are not told apart. */
public class CampaignNotFoundException extends RuntimeException {

    public CampaignNotFoundException(String message) {
        super(message);
    }

    public static CampaignNotFoundException campaign(CampaignId id) {
        return new CampaignNotFoundException("no campaign " + id);
    }
}
