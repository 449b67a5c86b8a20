package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A PBX that takes a command and never answers it (a hung Asterisk, a stalled network path): the command fails after
 * {@code switchboard.ami.response-timeout} as a {@link PbxCommandException} saying so (a 502 for the API, like any
 * PBX that did not answer), not as a bare {@link java.util.concurrent.TimeoutException} (a 500).
 */
class UnansweredCommandTest {

    @Test
    void aCommandThePbxNeverAnswersFailsAsAPbxCommandExceptionAfterTheResponseTimeout() throws Exception {
        SimulatorSettings settings = SimulatorSettings.defaults();
        try (AmiSimulator simulator = new AmiSimulator(settings);
                StallingProxy proxy = new StallingProxy(simulator.start())) {
            AmiProperties properties = AmiProperties.forLocal(proxy.port(), settings.username(), settings.secret());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (AmiGateway gateway =
                    new AmiGateway(properties, CallTrackerSettings.defaults(), event -> {}, registry).start()) {
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> registry.find("switchboard.calls.resyncs").counter() != null
                                && registry.find("switchboard.calls.resyncs")
                                                .counter()
                                                .count()
                                        >= 1);

                proxy.stallTowardsThePbx();
                long sent = System.nanoTime();
                Throwable failure = catchThrowable(
                        () -> gateway.commands().hangup("PJSIP/1001-00000001").join());
                Duration waited = Duration.ofNanos(System.nanoTime() - sent);

                assertThat(failure).isInstanceOf(CompletionException.class);
                assertThat(failure.getCause())
                        .isExactlyInstanceOf(PbxCommandException.class)
                        .hasMessage("Hangup got no response from the PBX within 5000 ms");
                assertThat(waited).isBetween(Duration.ofMillis(4_900), Duration.ofSeconds(15));
            }
        }
    }

    /** A loopback TCP relay to the PBX that, once stalled, swallows what the gateway sends: nothing reaches the PBX. */
    private static final class StallingProxy implements AutoCloseable {
        private final ServerSocket server;
        private final int target;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean stalled;

        StallingProxy(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(this::accept);
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "stalling-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void stallTowardsThePbx() {
            stalled = true;
        }

        private void accept() {
            try {
                while (!server.isClosed()) {
                    Socket client = server.accept();
                    Socket pbx = new Socket(InetAddress.getLoopbackAddress(), target);
                    sockets.add(client);
                    sockets.add(pbx);
                    daemon(() -> pump(client, pbx, true));
                    daemon(() -> pump(pbx, client, false));
                }
            } catch (IOException e) {
                // closed
            }
        }

        private void pump(Socket from, Socket to, boolean towardsThePbx) {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!(towardsThePbx && stalled)) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
