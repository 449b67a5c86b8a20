package io.switchboard.gateway.webhook;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
    private EventLoopGroup acceptor;
    private EventLoopGroup io;
    private Channel serverChannel;
    private volatile InetSocketAddress address;

    WebhookServer(String host, int port, ChannelInitializer<Channel> initializer) {
        this.host = host;
        this.port = port;
        this.initializer = initializer;
    }

    synchronized InetSocketAddress start() {
        if (serverChannel != null) {
            return address;
        }
        acceptor = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("webhook-accept", true), NioIoHandler.newFactory());
        io = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("webhook-io", true), NioIoHandler.newFactory());
        try {
            serverChannel = new ServerBootstrap()
                    .group(acceptor, io)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer)
                    .bind(new InetSocketAddress(host, port))
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) {
            shutdownGroups();
            throw new IllegalStateException("The PBX webhook cannot listen on " + host + ":" + port, e);
        }
        address = (InetSocketAddress) serverChannel.localAddress();
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
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        shutdownGroups();
    }

    private void shutdownGroups() {
        if (io != null) {
            io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            io = null;
            acceptor = null;
        }
    }
}
