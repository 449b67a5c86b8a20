package io.switchboard.gateway.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A listening Netty server socket with threads of its own: one acceptor and some I/O threads, daemons named {@code
 * <name>-accept} and {@code <name>-io}. What the CTI edge and the PBX webhook share; the AMI simulator has its own, as
 * it shares no code with the gateway.
 */
public final class TcpListener {

    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final Channel channel;

    private TcpListener(EventLoopGroup acceptor, EventLoopGroup io, Channel channel) {
        this.acceptor = acceptor;
        this.io = io;
        this.channel = channel;
    }

    /**
     * Listens on {@code host:port} (port 0: any free one) with the address reusable and no Nagle delay on connections,
     * each set up by {@code initializer}; {@code options} adds the caller's own options to the bootstrap. When it
     * cannot bind, its threads are shut down before what binding threw is thrown on: for a port in use Netty throws
     * {@link java.net.BindException} although it is checked, so callers catch {@link Exception} to say which port.
     */
    public static TcpListener bind(
            String name,
            String host,
            int port,
            int ioThreads,
            ChannelHandler initializer,
            UnaryOperator<ServerBootstrap> options) {
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory(name + "-accept", true), NioIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(
                ioThreads, new DefaultThreadFactory(name + "-io", true), NioIoHandler.newFactory());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(acceptor, io)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer);
            Channel channel = options.apply(bootstrap)
                    .bind(new InetSocketAddress(host, port))
                    .syncUninterruptibly()
                    .channel();
            return new TcpListener(acceptor, io, channel);
        } catch (Exception e) {
            shutDown(acceptor, io, 0, 1_000);
            throw e;
        }
    }

    /** The address it listens on, with the port it got. */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Stops accepting connections; those open stay open until {@link #shutDown}. */
    public void stopAccepting() {
        channel.close().syncUninterruptibly();
    }

    /**
     * Stops the threads, closing every connection still open: the I/O threads once no task came for {@code
     * ioQuietMillis} (so that what is being written goes out), at most after {@code ioTimeoutMillis}.
     */
    public void shutDown(long ioQuietMillis, long ioTimeoutMillis) {
        shutDown(acceptor, io, ioQuietMillis, ioTimeoutMillis);
    }

    private static void shutDown(EventLoopGroup acceptor, EventLoopGroup io, long ioQuietMillis, long ioTimeoutMillis) {
        io.shutdownGracefully(ioQuietMillis, ioTimeoutMillis, TimeUnit.MILLISECONDS)
                .syncUninterruptibly();
        acceptor.shutdownGracefully(0, 1_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
