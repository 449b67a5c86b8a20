package io.switchboard.simulator.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes a manager message as {@code Key: Value} CRLF lines and a blank line. Line breaks inside a value are
 * replaced by spaces: a value must never be able to end the frame or start a forged one.
 */
@Sharable
public final class AmiMessageEncoder extends MessageToByteEncoder<AmiMessage> {

    public static final AmiMessageEncoder INSTANCE = new AmiMessageEncoder();

    private static final byte[] SEPARATOR = {':', ' '};
    private static final byte[] CRLF = {'\r', '\n'};

    @Override
    protected void encode(ChannelHandlerContext ctx, AmiMessage message, ByteBuf out) {
        writeTo(message, out);
    }

    /** Encodes {@code message} into {@code out}; also used where frames are built outside a pipeline. */
    public static void writeTo(AmiMessage message, ByteBuf out) {
        for (AmiField field : message.fields()) {
            ByteBufUtil.writeUtf8(out, singleLine(field.key()));
            out.writeBytes(SEPARATOR);
            ByteBufUtil.writeUtf8(out, singleLine(field.value()));
            out.writeBytes(CRLF);
        }
        out.writeBytes(CRLF);
    }

    private static String singleLine(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
