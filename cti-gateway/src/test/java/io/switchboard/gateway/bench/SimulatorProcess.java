package io.switchboard.gateway.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The AMI simulator in a JVM of its own, so that the benchmark's heap and CPU figures are the gateway's, not the
 * load generator's.
 */
final class SimulatorProcess implements AutoCloseable {

    static final String USERNAME = "bench";
    static final String SECRET = "bench-secret";

    private final Process process;
    private final int port;

    private SimulatorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SimulatorProcess start(String... loadFlags) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g",
                "-XX:+UseParallelGC",
                "-cp",
                System.getProperty("java.class.path"),
                "io.switchboard.simulator.SimulatorMain",
                "--port",
                Integer.toString(port),
                "--username",
                USERNAME,
                "--secret",
                SECRET,
                "--slow-clients",
                "buffer",
                "--stats-seconds",
                "0"));
        command.addAll(List.of(loadFlags));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        SimulatorProcess simulator = new SimulatorProcess(process, port);
        simulator.awaitListening();
        return simulator;
    }

    int port() {
        return port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The simulator process exited with " + process.exitValue());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("The simulator did not listen on port " + port + " within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
