package io.switchboard.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CPU time PostgreSQL's processes have used, read from Linux's {@code /proc}: on a machine busy with other work
 * a search's latency is mostly waiting for a core, while the CPU it costs is what an idle machine would take. The
 * processes are the children of the server's postmaster (the backends of the pool and the background workers).
 */
final class PostgresCpu {

    private static final long NANOS_PER_TICK = 10_000_000L; // Linux's USER_HZ is 100

    private final ProcessHandle postmaster;

    private PostgresCpu(ProcessHandle postmaster) {
        this.postmaster = postmaster;
    }

    /** The server a connection of this pool belongs to; {@code null} where {@code /proc} cannot tell. */
    static PostgresCpu of(JdbcTemplate jdbc) {
        Long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        return backend == null
                ? null
                : ProcessHandle.of(backend)
                        .flatMap(ProcessHandle::parent)
                        .map(PostgresCpu::new)
                        .orElse(null);
    }

    /** User and system time of every child process, in nanoseconds. */
    long nanos() {
        return postmaster.children().mapToLong(PostgresCpu::ticks).sum() * NANOS_PER_TICK;
    }

    private static long ticks(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // fields after the command's closing parenthesis: state is field 3, utime 14, stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
