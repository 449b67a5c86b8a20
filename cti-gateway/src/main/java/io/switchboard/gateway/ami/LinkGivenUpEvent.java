package io.switchboard.gateway.ami;

import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Not from the PBX: {@link AmiLink} puts it on the tracker's hand-off after logging off a link it handed to another
 * node, behind the last events of that session, so the tracker forgets that session's calls once it has folded them
 * ({@link io.switchboard.gateway.call.PbxEvent.LinkGivenUp}).
 */
final class LinkGivenUpEvent extends ManagerEvent {

    private static final long serialVersionUID = 1L;

    LinkGivenUpEvent(Object source) {
        super(source);
        setDateReceived(new java.util.Date());
    }
}
