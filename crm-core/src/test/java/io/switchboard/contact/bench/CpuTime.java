package io.switchboard.contact.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by this JVM and by the PostgreSQL server processes, read from /proc (Linux). On a
 * machine shared with other work, CPU time per row says more than wall-clock time alone.
 */
record CpuTime(double jvmSeconds, double postgresSeconds) {

    private static final double TICKS_PER_SECOND = 100.0;

    static CpuTime now() {
        long self = ProcessHandle.current().pid();
        double jvm = 0;
        double postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] stat = stat(process);
                if (stat.length == 0) {
                    continue;
                }
                double seconds = (Long.parseLong(stat[12]) + Long.parseLong(stat[13])) / TICKS_PER_SECOND;
                if (Long.parseLong(name) == self) {
                    jvm = seconds;
                } else if (stat[0].equals("(postgres)")) {
                    postgres += seconds;
                }
            }
        } catch (IOException e) {
            return new CpuTime(Double.NaN, Double.NaN);
        }
        return new CpuTime(jvm, postgres);
    }

    CpuTime since(CpuTime start) {
        return new CpuTime(jvmSeconds - start.jvmSeconds, postgresSeconds - start.postgresSeconds);
    }

    /** The fields after the pid: (comm) is index 0, state 1, ppid 2, ... utime 12, stime 13. */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String comm = line.substring(open, close + 1);
            String[] rest = line.substring(close + 2).split(" ");
            String[] fields = new String[rest.length + 1];
            fields[0] = comm;
            System.arraycopy(rest, 0, fields, 1, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }
}
