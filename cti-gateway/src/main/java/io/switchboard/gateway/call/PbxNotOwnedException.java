package io.switchboard.gateway.call;

import java.time.Duration;

/**
 * A command for a PBX whose link no node could act on for this one: this node does not own the link and the owner
 * did not answer the relayed command in time (it stopped, or no node owns the link at the moment, as while another
 * node takes it over). The client is told to try again (HTTP 503 naming the PBX).
 */
public final class PbxNotOwnedException extends PbxCommandException {

    private final String pbx;

    /** This node does not own the link and the command cannot be relayed (no cluster bus). */
    public PbxNotOwnedException(String pbx, String action) {
        super("PBX '" + pbx + "' is not connected on this node (another node owns its link, or none does yet); "
                + action + " was not sent");
        this.pbx = pbx;
    }

    /** The command was relayed, but no owner of the link answered within {@code waited}. */
    public PbxNotOwnedException(String pbx, String action, Duration waited) {
        super("PBX '" + pbx + "': no node owning its link answered " + action + " within " + waited.toMillis()
                + " ms (the owner stopped, or another node is taking the link over); try again");
        this.pbx = pbx;
    }

    /** The PBX's id in configuration. */
    public String pbx() {
        return pbx;
    }
}
