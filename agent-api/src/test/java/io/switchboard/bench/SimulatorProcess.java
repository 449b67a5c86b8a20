package io.switchboard.bench;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link LoadSimulator} as a child process on the benchmark's classpath; its output goes to a log file. */
final class SimulatorProcess implements AutoCloseable {

    static final String USERNAME = "bench";
    static final String SECRET = "bench-ami-secret";

    private final Process process;
    private final Writer commands;
    private final int port;

    private SimulatorProcess(Process process, int port) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.port = port;
    }

    static SimulatorProcess start(BenchSettings settings, Path log) throws IOException, InterruptedException {
        return start(settings, settings.desktops(), log);
    }

    /** With {@code agents} agents (extensions 2000 upwards) in its queue rather than one per desktop. */
    static SimulatorProcess start(BenchSettings settings, int agents, Path log)
            throws IOException, InterruptedException {
        int port = ChildProcesses.freePort();
        List<String> command = List.of(
                ChildProcesses.java(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                LoadSimulator.class.getName(),
                Integer.toString(port),
                USERNAME,
                SECRET,
                Double.toString(settings.callsPerSecond()),
                Integer.toString(agents),
                Double.toString(settings.answerRate()),
                Double.toString(settings.ringSeconds()),
                Double.toString(settings.talkSeconds()),
                Long.toString(settings.totalCalls()),
                Integer.toString(settings.callerPool()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        SimulatorProcess simulator = new SimulatorProcess(process, port);
        simulator.awaitListening();
        return simulator;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts a load of {@code calls} calls at the configured rate. */
    void startLoad(long calls) throws IOException {
        commands.write("start " + calls + "\n");
        commands.flush();
    }

    /** As {@link #startLoad}, for a lambda: a simulator that is gone ends the run. */
    void startLoadOrFail(long calls) {
        try {
            startLoad(calls);
        } catch (IOException e) {
            throw new IllegalStateException("The simulator is gone", e);
        }
    }

    /** The AMI sessions the simulator has now: its answer to {@code stats}, read from its log. */
    String sessions(Path log) throws IOException, InterruptedException {
        long sessions = stat(log, "sessions");
        return sessions < 0 ? "unknown (no answer to stats in " + log + ")" : Long.toString(sessions);
    }

    /**
     * One figure of the simulator's {@code SimulatorStats} ({@code sessions}, {@code callsStarted}, ...): its answer
     * to {@code stats}, read from its log; -1 when it did not answer.
     */
    long stat(Path log, String name) throws IOException, InterruptedException {
        long before = Files.readAllLines(log).size();
        commands.write("stats\n");
        commands.flush();
        Pattern figure = Pattern.compile("\\b" + name + "=(\\d+)");
        for (int i = 0; i < 50; i++) {
            List<String> lines = Files.readAllLines(log);
            for (String line : lines.subList((int) Math.min(before, lines.size()), lines.size())) {
                Matcher value = figure.matcher(line);
                if (line.startsWith("stats ") && value.find()) {
                    return Long.parseLong(value.group(1));
                }
            }
            Thread.sleep(100);
        }
        return -1;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The simulator exited with " + process.exitValue() + " (see its log)");
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

    @Override
    public void close() throws InterruptedException {
        try {
            commands.close(); // the simulator exits when its input ends
        } catch (IOException alreadyGone) {
            // the process has exited
        }
        ChildProcesses.stop(process);
    }
}
