package io.switchboard.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Many agent desktops in one JVM: Netty WebSocket clients on a small shared event loop group (the JDK's client would
 * take threads per connection's HTTP client). They answer the server's pings, as browsers do, and otherwise only
 * listen.
 */
final class DesktopFleet implements AutoCloseable {

    private static final int MAX_MESSAGE_BYTES = 1 << 20;

    private final EventLoopGroup group;

    DesktopFleet(int threads) {
        this.group = new MultiThreadIoEventLoopGroup(
                threads, new DefaultThreadFactory("desktop", true), NioIoHandler.newFactory());
    }

    /** Opens a session with {@code token}; completes when the WebSocket handshake has. */
    CompletableFuture<Channel> connect(BenchApi.CtiToken token, ChannelHandler desktop) {
        URI uri = URI.create("ws://127.0.0.1:" + token.port() + token.path() + "?token="
                + URLEncoder.encode(token.token(), StandardCharsets.UTF_8));
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .customHeaders(new DefaultHttpHeaders().set(HttpHeaderNames.ORIGIN, ServerProcess.ORIGIN))
                .maxFramePayloadLength(MAX_MESSAGE_BYTES)
                .handshakeTimeoutMillis(10_000)
                // the desktop sees the server's close frame and its code (4401, 4408, ...)
                .handleCloseFrames(false)
                .build();
        CompletableFuture<Channel> opened = new CompletableFuture<>();
        ChannelFuture connecting = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(8192))
                                .addLast(new WebSocketClientProtocolHandler(config))
                                .addLast(new WebSocketFrameAggregator(MAX_MESSAGE_BYTES))
                                .addLast(new HandshakeWatcher(opened))
                                .addLast(desktop);
                    }
                })
                .connect(uri.getHost(), uri.getPort());
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                opened.completeExceptionally(done.cause());
            } else {
                connecting
                        .channel()
                        .closeFuture()
                        .addListener(closed -> opened.completeExceptionally(
                                new IOException("closed before the WebSocket handshake completed")));
            }
        });
        return opened;
    }

    /** As {@link #connect}, fetching the token first. */
    CompletableFuture<Channel> open(BenchApi api, String username, Supplier<ChannelHandler> desktop) {
        return api.ctiToken(username).thenCompose(token -> connect(token, desktop.get()));
    }

    /** Completes the connect future when the handshake does, then steps out of the pipeline. */
    private static final class HandshakeWatcher extends ChannelInboundHandlerAdapter {

        private final CompletableFuture<Channel> opened;

        HandshakeWatcher(CompletableFuture<Channel> opened) {
            this.opened = opened;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                opened.complete(ctx.channel());
                ctx.pipeline().remove(this);
            } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                opened.completeExceptionally(new IOException("WebSocket handshake timed out"));
            }
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
