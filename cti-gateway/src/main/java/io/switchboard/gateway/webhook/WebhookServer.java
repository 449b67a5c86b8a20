package io.switchboard.gateway.webhook;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.switchboard.gateway.netty.TcpListener;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook's HTTP listener: one acceptor thread and one I/O thread, which is plenty for a PBX's event rate since
 * every handler returns at once (the call tracker runs on its own thread).
 */
final class WebhookServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

    private final String host;
    private final int port;
    private final ChannelInitializer<Channel> initializer;
    private TcpListener listener;
    private volatile InetSocketAddress address;

    WebhookServer(String host, int port, ChannelInitializer<Channel> initializer) {
        this.host = host;
        this.port = port;
        this.initializer = initializer;
    }

    synchronized InetSocketAddress start() {
        if (listener != null) {
            return address;
        }
        try {
            listener = TcpListener.bind("webhook", host, port, 1, initializer, UnaryOperator.identity());
        } catch (Exception e) {
            throw new IllegalStateException("The PBX webhook cannot listen on " + host + ":" + port, e);
        }
        address = listener.address();
        log.info("PBX webhook listening on http://{}:{}{}", host, address.getPort(), RequestRouter.EVENTS_PATH);
        return address;
    }

    /** Where it listens; empty before {@link #start()} and after {@link #close()}. */
    Optional<InetSocketAddress> address() {
        return Optional.ofNullable(address);
    }

    /** Stops accepting, closes open connections. Safe to call more than once. */
    @Override
    public synchronized void close() {
        address = null;
        if (listener != null) {
            listener.stopAccepting();
            listener.shutDown(0, 1_000);
            listener = null;
        }
    }
}
