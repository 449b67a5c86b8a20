package io.switchboard.gateway.ami;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The socket Asterisk-Java reads AMI from, with bounded line decoding: a line longer than the limit, a line of
 * binary garbage, or a key with no colon is discarded, reported to {@link MalformedInput} and the stream goes on;
 * the frame around it keeps its good lines. Asterisk-Java's own reader has no line limit, so one runaway line
 * could exhaust the heap. Events the call model never reads ({@link UnreadEvents}) are dropped here whole, before
 * Asterisk-Java spends any work on them.
 */
final class BoundedAmiSocket implements SocketConnectionFacade {

    private final Socket socket;
    private final InputStream in;
    private final BufferedWriter out;
    private final MalformedInput malformed;
    private final UnreadEvents unread;
    private final byte[] line;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean bannerSeen;
    private boolean inFrame;
    /** Inside a frame of an {@link UnreadEvents unread} event: its lines are dropped up to its blank line. */
    private boolean skippingFrame;

    BoundedAmiSocket(
            String host,
            int port,
            int connectTimeoutMillis,
            int maxLineLength,
            MalformedInput malformed,
            UnreadEvents unread)
            throws IOException {
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        this.in = socket.getInputStream();
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        this.line = new byte[maxLineLength];
        this.malformed = malformed;
        this.unread = unread;
    }

    /** Returns the next acceptable line without its CRLF, or null at the end of the stream. */
    @Override
    public String readLine() throws IOException {
        while (true) {
            int length = 0;
            boolean tooLong = false;
            boolean binary = false;
            boolean endOfLine = false;
            while (!endOfLine) {
                if (position == limit && !fill()) {
                    if (length > 0 || inFrame) {
                        malformed.report(
                                MalformedInput.Reason.TRUNCATED_FRAME,
                                "the connection closed in the middle of a frame");
                    }
                    return null;
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    endOfLine = true;
                } else {
                    if (length < line.length) {
                        line[length++] = b;
                    } else {
                        tooLong = true;
                    }
                    if (b >= 0 && b < 0x20 && b != '\t' && b != '\r') {
                        binary = true;
                    }
                }
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            if (tooLong) {
                malformed.report(
                        MalformedInput.Reason.LINE_TOO_LONG,
                        "a line longer than " + line.length + " bytes was discarded");
                continue;
            }
            if (binary) {
                malformed.report(MalformedInput.Reason.BINARY, "a line with control characters was discarded");
                continue;
            }
            String text = new String(line, 0, length, StandardCharsets.UTF_8);
            if (!bannerSeen) {
                bannerSeen = true;
                return text;
            }
            if (length == 0) {
                inFrame = false;
                if (skippingFrame) {
                    skippingFrame = false;
                    continue;
                }
                return text;
            }
            if (text.indexOf(':') < 0 && !text.endsWith("--END COMMAND--")) {
                malformed.report(
                        MalformedInput.Reason.NO_COLON, "a line without a key was discarded: " + abbreviate(text));
                continue;
            }
            if (skippingFrame) {
                continue;
            }
            if (!inFrame) {
                String unreadName = UnreadEvents.unreadName(text);
                if (unreadName != null) {
                    unread.skipped(unreadName);
                    inFrame = true;
                    skippingFrame = true;
                    continue;
                }
            }
            inFrame = true;
            return text;
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    @Override
    public void write(String s) throws IOException {
        out.write(s);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
