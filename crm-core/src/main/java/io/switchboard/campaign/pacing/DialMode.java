package io.switchboard.campaign.pacing;

/** How a campaign's calls are placed. */
public enum DialMode {
    /** The agent sees the lead first and places the call; the dialer places nothing. */
    PREVIEW,
    /** One call per free agent: an answered call always has an agent reserved, so nothing is abandoned. */
    PROGRESSIVE,
    /** More calls than free agents, sized from the answer rate and the agents about to free up, within the abandon cap. */
    PREDICTIVE
}
