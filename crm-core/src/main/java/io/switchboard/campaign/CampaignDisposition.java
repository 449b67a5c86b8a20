package io.switchboard.campaign;

import java.time.Duration;
import java.util.Locale;

/**
 * One entry of a campaign's disposition list.
 *
 * @param code what agents pick and results show ({@code SALE}); upper case, unique within the campaign
 * @param retryDelay for {@link DispositionAction#RETRY}: how long until the lead is due again; {@code null} otherwise
 */
public record CampaignDisposition(String code, String label, DispositionAction action, Duration retryDelay) {

    public CampaignDisposition {
        if (code == null || code.isBlank() || code.strip().length() > 40) {
            throw new InvalidCampaignException("dispositions", "a disposition code must be 1 to 40 characters");
        }
        code = code.strip().toUpperCase(Locale.ROOT);
        label = label == null || label.isBlank() ? code : label.strip();
        if (label.length() > 100) {
            throw new InvalidCampaignException("dispositions", "disposition label of " + code + " is too long");
        }
        if (action == null) {
            throw new InvalidCampaignException("dispositions", "disposition " + code + " needs an action");
        }
        if (action == DispositionAction.RETRY) {
            if (retryDelay == null || retryDelay.isNegative()) {
                throw new InvalidCampaignException("dispositions", "disposition " + code + " needs a retry delay");
            }
        } else {
            retryDelay = null;
        }
    }

    public static CampaignDisposition of(String code, String label, DispositionAction action) {
        return new CampaignDisposition(code, label, action, null);
    }

    public static CampaignDisposition retry(String code, String label, Duration delay) {
        return new CampaignDisposition(code, label, DispositionAction.RETRY, delay);
    }
}
