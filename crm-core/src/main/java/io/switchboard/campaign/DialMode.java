package io.switchboard.campaign;

/** How a campaign's calls are placed. */
public enum DialMode {
    /** Agents take a lead, look at it and dial it themselves. */
    PREVIEW,
    /** The dialer places at most one call per free agent. */
    PROGRESSIVE,
    /** The dialer places more calls than free agents, within the campaign's abandon cap. */
    PREDICTIVE
}
