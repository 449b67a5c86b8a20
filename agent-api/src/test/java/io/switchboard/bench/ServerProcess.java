package io.switchboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application in a JVM of its own, on exactly its runtime classpath (what {@code switchboard.jar} holds), so
 * that the heap figures are the server's alone. Configured by command-line properties only.
 */
final class ServerProcess implements AutoCloseable {

    static final String ORIGIN = "http://bench.localhost";
    /** Fixed, so that a run can be repeated and tokens checked by hand; loopback only. */
    static final String TOKEN_SECRET = "popbench-token-secret-0123456789abcdef";

    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final Process process;
    private final int httpPort;

    private ServerProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static ServerProcess start(BenchSettings settings, String jdbcUrl, int amiPort, Path log) throws IOException {
        return start(settings, jdbcUrl, amiPort, log, List.of());
    }

    /** With {@code nodeArguments} after the others (several nodes: each one's id, the PBXes, the cluster). */
    static ServerProcess start(
            BenchSettings settings, String jdbcUrl, int amiPort, Path log, List<String> nodeArguments)
            throws IOException {
        int httpPort = ChildProcesses.freePort();
        String classpath = settings.serverClasses()
                + java.io.File.pathSeparator
                + Files.readString(settings.serverClasspathFile()).trim();
        List<String> command = new ArrayList<>(List.of(
                ChildProcesses.java(), "-Xmx" + settings.serverHeap(), GcPauses.logOption(gcLog(settings, log))));
        // {name} is the process's log name (node-2), so that several nodes' flight recordings do not overwrite each
        // other
        String name = log.getFileName().toString().replaceFirst("\\.log$", "");
        command.addAll(words(System.getProperty("bench.serverJvmArgs", "").replace("{name}", name)));
        command.addAll(List.of(
                "-cp",
                classpath,
                "io.switchboard.SwitchboardApplication",
                "--server.port=" + httpPort,
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--switchboard.demo.seed=false",
                "--switchboard.simulator.enabled=false",
                "--switchboard.ami.port=" + amiPort,
                "--switchboard.ami.username=" + SimulatorProcess.USERNAME,
                "--switchboard.ami.secret=" + SimulatorProcess.SECRET,
                "--switchboard.edge.port=0",
                "--switchboard.edge.allowed-origins=" + ORIGIN,
                // the heap figure's idle sessions are spread over the agents, more per agent than a person would
                // open (10,000 over 1,000 agents, and each agent's pop desktop): above the default cap of 8
                "--switchboard.edge.max-sessions-per-user=" + (settings.idleSessionsPerAgent() + 1),
                "--switchboard.edge.token-secret=" + TOKEN_SECRET));
        command.addAll(nodeArguments);
        command.addAll(words(System.getProperty("bench.serverArgs", "")));
        Process process = new ProcessBuilder(command)
                .directory(settings.workDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServerProcess(process, httpPort);
    }

    /** {@code server.log}'s GC log is {@code server-gc.log}, {@code node-2.log}'s {@code node-2-gc.log}. */
    static Path gcLog(BenchSettings settings, Path log) {
        String name = log.getFileName().toString().replaceFirst("\\.log$", "");
        return settings.workDirectory().toAbsolutePath().resolve(name + "-gc.log");
    }

    /** Extra options for a diagnosis, such as {@code -Dbench.serverJvmArgs=-XX:StartFlightRecording}. */
    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    int httpPort() {
        return httpPort;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code /actuator/health} says UP: the database migrated and the PBX link up. */
    void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The server exited with " + process.exitValue() + " (see its log)");
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new IOException("The server was not healthy within " + timeout + ": " + last);
    }

    /** Heap in use after two full collections ({@code jcmd GC.run}), as {@code jcmd GC.heap_info} reports it. */
    HeapUse heapAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher matcher = HEAP_USED.matcher(info);
        if (!matcher.find()) {
            throw new IOException("Unexpected GC.heap_info output:\n" + info);
        }
        return new HeapUse(Long.parseLong(matcher.group(2)) * 1024, Long.parseLong(matcher.group(1)) * 1024);
    }

    /** The process's resident set (heap, metaspace, Netty's direct buffers, thread stacks...) from /proc. */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("No VmRSS in /proc/" + process.pid() + "/status");
    }

    record HeapUse(long usedBytes, long committedBytes) {

        double usedMiB() {
            return usedBytes / (1024.0 * 1024.0);
        }
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), what)
                .redirectErrorStream(true)
                .start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (run.waitFor() != 0) {
            throw new IOException("jcmd " + what + " failed:\n" + output);
        }
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        ChildProcesses.stop(process);
    }
}
