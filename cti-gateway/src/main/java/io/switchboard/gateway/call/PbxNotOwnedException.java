package io.switchboard.gateway.call;

/**
 * A command for a PBX whose link another node owns (or nobody owns at the moment): this node has no session to send
 * it on. Until commands are relayed to the owner over the cluster bus, the client is told to try again (HTTP 503).
 */
public final class PbxNotOwnedException extends PbxCommandException {

    private final String pbx;

    public PbxNotOwnedException(String pbx, String action) {
        super("PBX '" + pbx + "' is not connected on this node (another node owns its link, or none does yet); "
                + action + " was not sent");
        this.pbx = pbx;
    }

    /** The PBX's id in configuration. */
    public String pbx() {
        return pbx;
    }
}
