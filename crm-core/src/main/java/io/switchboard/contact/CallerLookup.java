package io.switchboard.contact;

import io.switchboard.directory.Viewer;

/**
 * Finds the contacts a caller's number belongs to, as a screen pop needs them: ranked (exact E.164, then
 * national, then trailing digits), every equally good match returned, and only contacts the viewer may see.
 */
public interface CallerLookup {

    /**
     * @param callerNumber the caller id as the PBX sent it ({@code +4930...}, {@code 030...}, {@code anonymous},
     *     {@code <unknown>}, {@code null})
     * @param viewer the agent the pop is for; only contacts they may see are matched
     */
    CallerMatch lookup(String callerNumber, Viewer viewer);
}
