package io.switchboard.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records what the PBX's AMI sends a plain manager client, byte for byte, into an {@code .ami} trace (the layout of
 * cti-simulator's {@code src/test/resources/traces/}: banner first, CRLF lines, the sample's
 * {@code timestampevents = yes}). Its own login is the only action, answered with {@code ActionID: trace-login}.
 */
final class TraceRecorder implements AutoCloseable {

    private final Socket socket;
    private final Thread reader;

    TraceRecorder(int amiPort, String username, String secret, Path trace) {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), amiPort);
            OutputStream out = socket.getOutputStream();
            out.write(("Action: Login\r\nActionID: trace-login\r\nUsername: " + username + "\r\nSecret: " + secret
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            OutputStream file = Files.newOutputStream(trace);
            InputStream in = socket.getInputStream();
            reader = new Thread(
                    () -> {
                        byte[] buffer = new byte[16 * 1024];
                        try (file) {
                            int read;
                            while ((read = in.read(buffer)) >= 0) {
                                file.write(buffer, 0, read);
                            }
                        } catch (IOException e) {
                            // closed: the trace ends here
                        }
                    },
                    "ami-trace-recorder");
            reader.setDaemon(true);
            reader.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not record an AMI trace into " + trace, e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            reader.join(2000);
        } catch (IOException e) {
            // already closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
