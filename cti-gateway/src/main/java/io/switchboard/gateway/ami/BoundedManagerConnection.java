package io.switchboard.gateway.ami;

import java.io.IOException;
import org.asteriskjava.manager.internal.ModernEventsManagerConnection;
import org.asteriskjava.util.SocketConnectionFacade;

/** Asterisk-Java's manager connection reading through a {@link BoundedAmiSocket}, without legacy bridge events. */
final class BoundedManagerConnection extends ModernEventsManagerConnection {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final int maxLineLength;
    private final MalformedInput malformed;
    private final UnreadEvents unread;

    BoundedManagerConnection(AmiProperties properties, MalformedInput malformed, UnreadEvents unread) {
        setHostname(properties.host());
        setPort(properties.port());
        setUsername(properties.username());
        setPassword(properties.secret());
        setDefaultResponseTimeout(properties.responseTimeout().toMillis());
        setDefaultEventTimeout(properties.responseTimeout().toMillis());
        this.maxLineLength = properties.maxLineLength();
        this.malformed = malformed;
        this.unread = unread;
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        return new BoundedAmiSocket(getHostname(), getPort(), CONNECT_TIMEOUT_MILLIS, maxLineLength, malformed, unread);
    }
}
