package org.asteriskjava.manager.internal;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.backwardsCompatibility.BackwardsCompatibilityForManagerEvents;

/**
 * A manager connection without Asterisk-Java's emulation of pre-Asterisk-12 {@code BridgeEvent}s.
 *
 * <p>To synthesise those legacy events, Asterisk-Java's reader keeps every {@code BridgeEnterEvent} of every
 * active bridge: about 1.5 KiB of heap per answered call, for events Switchboard never reads (it follows the
 * Asterisk 12+ BridgeEnter/BridgeLeave family only). This class lives in Asterisk-Java's package because that is
 * the only way to reach the reader's hook; it changes nothing else.
 */
public class ModernEventsManagerConnection extends ManagerConnectionImpl {

    @Override
    protected ManagerReader createReader(Dispatcher dispatcher, Object source) {
        ManagerReaderImpl reader = new ManagerReaderImpl(dispatcher, source);
        reader.compatibility = new NoLegacyBridgeEvents();
        return reader;
    }

    private static final class NoLegacyBridgeEvents extends BackwardsCompatibilityForManagerEvents {
        @Override
        public ManagerEvent handleEvent(ManagerEvent event) {
            return null;
        }
    }
}
