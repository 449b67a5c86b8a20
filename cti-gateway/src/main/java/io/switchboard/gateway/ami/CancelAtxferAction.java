package io.switchboard.gateway.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code CancelAtxfer} (Asterisk 17 and later; 22 has it): ends an attended transfer's consultation started by {@code
 * Atxfer} on the channel. Asterisk-Java has no class for it; it sends an action's getters as its fields.
 */
public final class CancelAtxferAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String channel;

    public CancelAtxferAction(String channel) {
        this.channel = channel;
    }

    @Override
    public String getAction() {
        return "CancelAtxfer";
    }

    public String getChannel() {
        return channel;
    }
}
