package io.switchboard.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One real Asterisk process, run in the foreground ({@code -f}) as a child of the test JVM so that it can always be
 * killed, from a configuration folder with its own {@code asterisk.conf} (its directories point into a scratch
 * folder). Talked to through its CLI ({@code asterisk -C ... -rx}).
 */
final class AsteriskInstance implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path binary;
    private final Path asteriskConf;
    private final Path consoleLog;
    private Process process;

    AsteriskInstance(String name, Path binary, Path asteriskConf, Path consoleLog) {
        this.name = name;
        this.binary = binary;
        this.asteriskConf = asteriskConf;
        this.consoleLog = consoleLog;
    }

    /** Starts the process and returns once Asterisk is fully booted (every module loaded, AMI listening). */
    AsteriskInstance start() {
        try {
            process = new ProcessBuilder(binary.toString(), "-f", "-n", "-C", asteriskConf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Asterisk " + name + " (" + binary + ")", e);
        }
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Asterisk " + name + " exited with " + process.exitValue()
                        + " while starting; see " + consoleLog + ":\n" + tail());
            }
            Cli answer = tryCli("core waitfullybooted");
            if (answer.exitCode() == 0 && answer.output().contains("fully booted")) {
                return this;
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("Asterisk " + name + " did not boot within " + BOOT_TIMEOUT + "; see "
                        + consoleLog + ":\n" + tail());
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** Runs a CLI command and returns its output; a command Asterisk cannot run is an error. */
    String cli(String command) {
        Cli answer = tryCli(command);
        if (answer.exitCode() != 0) {
            throw new IllegalStateException(
                    "Asterisk " + name + " CLI '" + command + "' exited " + answer.exitCode() + ": " + answer.output());
        }
        return answer.output();
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops Asterisk as an operator would ({@code core stop now}), and kills it if it does not go within seconds. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            tryCli("core stop now");
            waitFor(Duration.ofSeconds(5));
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(5));
        }
        process = null;
    }

    /** Kills the process outright (SIGKILL), as a crash or a pulled plug would end it. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(5));
            process = null;
        }
    }

    private record Cli(int exitCode, String output) {}

    private Cli tryCli(String command) {
        try {
            Process cli = new ProcessBuilder(binary.toString(), "-C", asteriskConf.toString(), "-rx", command)
                    .redirectErrorStream(true)
                    .start();
            byte[] output = cli.getInputStream().readAllBytes();
            if (!cli.waitFor(10, TimeUnit.SECONDS)) {
                cli.destroyForcibly();
                return new Cli(-1, "timed out");
            }
            return new Cli(cli.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Cli(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Cli(-1, "interrupted");
        }
    }

    private void waitFor(Duration timeout) {
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            String log = Files.readString(consoleLog);
            return log.substring(Math.max(0, log.length() - 2000));
        } catch (IOException e) {
            return "(no console log: " + e + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
