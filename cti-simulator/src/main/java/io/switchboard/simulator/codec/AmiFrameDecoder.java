package io.switchboard.simulator.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits inbound bytes into manager messages: {@code Key: Value} lines ended by CRLF (a bare LF is accepted),
 * a blank line ends a message. Bounded: a line longer than {@code maxLineBytes}, a message with more than
 * {@code maxLines} lines or {@code maxFrameBytes} bytes is skipped up to its blank line and reported as a
 * {@link MalformedFrame}, so one bad frame costs one error reply and never the session.
 */
public final class AmiFrameDecoder extends ByteToMessageDecoder {

    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_LINES = 256;
    public static final int DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

    private final int maxLineBytes;
    private final int maxLines;
    private final int maxFrameBytes;

    private final List<AmiField> fields = new ArrayList<>();
    private MalformedReason problem;
    private String actionId;
    private int lines;
    private int frameBytes;
    private boolean discardingLine;

    public AmiFrameDecoder() {
        this(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_LINES, DEFAULT_MAX_FRAME_BYTES);
    }

    public AmiFrameDecoder(int maxLineBytes, int maxLines, int maxFrameBytes) {
        this.maxLineBytes = maxLineBytes;
        this.maxLines = maxLines;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int lf = in.forEachByte(ByteProcessor.FIND_LF);
            if (discardingLine) {
                if (lf < 0) {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                in.readerIndex(lf + 1);
                discardingLine = false;
                continue;
            }
            if (lf < 0) {
                if (in.readableBytes() > maxLineBytes) {
                    flag(MalformedReason.LINE_TOO_LONG);
                    in.skipBytes(in.readableBytes());
                    discardingLine = true;
                }
                return;
            }
            int length = lf - in.readerIndex();
            int contentLength = length > 0 && in.getByte(lf - 1) == '\r' ? length - 1 : length;
            if (contentLength > maxLineBytes) {
                flag(MalformedReason.LINE_TOO_LONG);
                in.readerIndex(lf + 1);
                continue;
            }
            String line = contentLength == 0 ? "" : readLine(in, contentLength);
            in.readerIndex(lf + 1);
            if (line.isEmpty()) {
                endOfFrame(out);
            } else {
                addLine(line);
            }
        }
    }

    private String readLine(ByteBuf in, int length) {
        int start = in.readerIndex();
        for (int i = start; i < start + length; i++) {
            byte b = in.getByte(i);
            if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7f) {
                flag(MalformedReason.BINARY);
                break;
            }
        }
        return in.toString(start, length, StandardCharsets.UTF_8);
    }

    private void addLine(String line) {
        lines++;
        frameBytes += line.length() + 2;
        int colon = line.indexOf(':');
        String key = colon > 0 ? line.substring(0, colon).trim() : "";
        String value = colon > 0 ? skipBlanks(line.substring(colon + 1)) : "";
        if (colon > 0 && key.equalsIgnoreCase("ActionID") && actionId == null) {
            actionId = value;
        }
        if (key.isEmpty()) {
            flag(MalformedReason.NO_COLON);
        } else if (lines > maxLines) {
            flag(MalformedReason.TOO_MANY_LINES);
        } else if (frameBytes > maxFrameBytes) {
            flag(MalformedReason.FRAME_TOO_LARGE);
        }
        if (problem == null) {
            fields.add(new AmiField(key, value));
        }
    }

    private static String skipBlanks(String value) {
        int i = 0;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return value.substring(i);
    }

    private void flag(MalformedReason reason) {
        if (problem == null) {
            problem = reason;
        }
        fields.clear();
    }

    private void endOfFrame(List<Object> out) {
        if (problem != null) {
            out.add(new MalformedFrame(problem, Optional.ofNullable(actionId)));
        } else if (!fields.isEmpty()) {
            out.add(new AmiMessage(fields));
        }
        fields.clear();
        problem = null;
        actionId = null;
        lines = 0;
        frameBytes = 0;
    }
}
