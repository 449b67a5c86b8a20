package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The benchmark's printed figures: the machine first, then each phase's numbers as they come. */
final class Report {

    private Report() {}

    static void machine(BenchSettings settings) {
        System.out.printf(
                Locale.ROOT,
                "Screen-pop benchmark, %s%nMachine: %d cores (%s), %s %s, load average %s%nSizes: %s%n%n",
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                loadAverage(),
                settings.describe());
    }

    static void step(String format, Object... args) {
        System.out.printf(Locale.ROOT, "  " + format + "%n", args);
    }

    static void title(String title) {
        System.out.printf(Locale.ROOT, "%n== %s ==%n", title);
    }

    /** p50 / p99 / p99.9 / max of a histogram of microseconds, in milliseconds. */
    static String latency(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format(
                Locale.ROOT,
                "p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%,d samples)",
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getValueAtPercentile(99.9) / 1000.0,
                micros.getMaxValue() / 1000.0,
                micros.getTotalCount());
    }

    static String counts(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((key, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(key)
                .append(' ')
                .append(String.format(Locale.ROOT, "%,d", count)));
        return text.length() == 0 ? "none" : text.toString();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
