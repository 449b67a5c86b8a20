package io.switchboard.campaign;

import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;

/** Who may do what with campaigns: campaign managers and admins run them, supervisors watch them. */
public final class CampaignAccess {

    private CampaignAccess() {}

    /** Creates, changes, starts, pauses and finishes campaigns; imports lists and edits do-not-call lists. */
    public static boolean manages(Viewer viewer) {
        return viewer.role() == Role.CAMPAIGN_MANAGER || viewer.role() == Role.ADMIN;
    }

    /** Sees every campaign, its progress and its results. */
    public static boolean oversees(Viewer viewer) {
        return manages(viewer) || viewer.role() == Role.SUPERVISOR;
    }

    /** @throws CampaignAccessDeniedException unless the viewer is a campaign manager or an admin */
    public static void requireManager(Viewer viewer, String what) {
        if (!manages(viewer)) {
            throw new CampaignAccessDeniedException("only campaign managers and admins may " + what);
        }
    }
}
