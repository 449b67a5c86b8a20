package io.switchboard.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * One desktop's end of the socket: notes the time a frame arrives before anything else, hands screen pops to the
 * {@link PopSink} and only counts the other messages (every desktop gets every queue snapshot, so parsing them
 * all would make the client the bottleneck).
 */
final class DesktopHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final byte[] SCREEN_POP = "{\"type\":\"screenPop\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE_PREFIX = "{\"type\":\"".getBytes(StandardCharsets.US_ASCII);

    private final String extension;
    private final PopSink recorder;

    DesktopHandler(String extension, PopSink recorder) {
        this.extension = extension;
        this.recorder = recorder;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        long receivedMicros = BenchClock.wallMicros();
        long receivedNanos = System.nanoTime();
        if (frame instanceof TextWebSocketFrame text) {
            ByteBuf content = text.content();
            if (startsWith(content, SCREEN_POP)) {
                recorder.screenPop(extension, text.text(), receivedMicros, receivedNanos);
            } else {
                recorder.other(typeOf(content));
            }
        } else if (frame instanceof CloseWebSocketFrame close) {
            recorder.closed(close.statusCode() + " " + close.reasonText());
            ctx.close();
        }
    }

    private static boolean startsWith(ByteBuf content, byte[] prefix) {
        if (content.readableBytes() < prefix.length) {
            return false;
        }
        int start = content.readerIndex();
        for (int i = 0; i < prefix.length; i++) {
            if (content.getByte(start + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String typeOf(ByteBuf content) {
        if (!startsWith(content, TYPE_PREFIX)) {
            return "?";
        }
        int from = content.readerIndex() + TYPE_PREFIX.length;
        int end = content.indexOf(from, Math.min(content.writerIndex(), from + 40), (byte) '"');
        return end < 0 ? "?" : content.toString(from, end - from, StandardCharsets.US_ASCII);
    }
}
