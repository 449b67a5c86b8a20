package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by the server, the simulator, PostgreSQL and this JVM (the desktops), from /proc: on a
 * machine where all four share the cores, who used them says as much as the latencies.
 */
record CpuTime(double server, double simulator, double postgres, double desktops) {

    /** Linux's USER_HZ, the unit of /proc/[pid]/stat's times, on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100;

    static CpuTime now(ServerProcess server, SimulatorProcess simulator, int postgresPort) {
        return new CpuTime(
                seconds(server.pid()),
                seconds(simulator.pid()),
                postgres(postgresPort),
                seconds(ProcessHandle.current().pid()));
    }

    /** CPU seconds of the PostgreSQL listening on {@code postgresPort}: its postmaster and every backend. */
    static double postgres(int postgresPort) {
        // pg_ctl detaches the postmaster: find it by its port, then count it and its backends
        String port = Integer.toString(postgresPort);
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"))
                .filter(process -> List.of(process.info().arguments().orElse(new String[0]))
                        .contains(port))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .mapToDouble(process -> seconds(process.pid()))
                .sum();
    }

    String since(CpuTime before, double wallSeconds) {
        return String.format(
                Locale.ROOT,
                "CPU over %.0f s (%.0f core-seconds on this machine): server %.1f s, desktops (harness) %.1f s,"
                        + " simulator %.1f s, PostgreSQL %.1f s",
                wallSeconds,
                wallSeconds * Runtime.getRuntime().availableProcessors(),
                server - before.server,
                desktops - before.desktops,
                simulator - before.simulator,
                postgres - before.postgres);
    }

    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name in parentheses may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
