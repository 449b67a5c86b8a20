package io.switchboard.bench;

import io.switchboard.campaign.pacing.DialMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Predictive against progressive dialling on the same simulated days (same seeds), with the production pacer.
 *
 * <pre>./mvnw -q -pl crm-core -Pbench-dialer test-compile exec:exec [-Dbench.agents=50] [-Dbench.answerRate=0.25]
 * [-Dbench.machineRate=0.05] [-Dbench.talk=180] [-Dbench.wrap=10] [-Dbench.hours=8] [-Dbench.seeds=5]
 * [-Dbench.abandonCap=0.03]</pre>
 *
 * Target: predictive keeps agents at least 85 % occupied with at most 3 % of answered calls abandoned, every seed.
 */
public final class DialerBenchmark {

    private DialerBenchmark() {}

    public static void main(String[] args) {
        DialerModel model = DialerModel.defaults()
                .withAgents(Integer.getInteger("bench.agents", 50))
                .withAnswerRate(doubleProperty("bench.answerRate", 0.25))
                .withMachineRate(doubleProperty("bench.machineRate", 0.05))
                .withTalk(doubleProperty("bench.talk", 180), doubleProperty("bench.wrap", 10))
                .withHours(doubleProperty("bench.hours", 8))
                .withAbandonCap(doubleProperty("bench.abandonCap", 0.03));
        int seeds = Integer.getInteger("bench.seeds", 5);
        System.out.printf(Locale.ROOT, "%s, %d seeds%n", model, seeds);
        long started = System.nanoTime();
        List<DialerResult> predictive = new ArrayList<>();
        List<DialerResult> progressive = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            predictive.add(DialerSimulation.run(model, DialMode.PREDICTIVE, seed));
            progressive.add(DialerSimulation.run(model, DialMode.PROGRESSIVE, seed));
            System.out.printf(
                    Locale.ROOT,
                    "seed %d: predictive %s%n        progressive %s%n",
                    seed,
                    predictive.get(predictive.size() - 1),
                    progressive.get(progressive.size() - 1));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "| %-36s | %-24s | %-24s |%n",
                "min / median / max over " + seeds + " seeds",
                "predictive",
                "progressive");
        System.out.println("|" + "-".repeat(38) + "|" + "-".repeat(26) + "|" + "-".repeat(26) + "|");
        row("agent occupancy (%)", predictive, progressive, r -> 100 * r.occupancy(), "%.1f");
        row("abandon rate (% of answered)", predictive, progressive, r -> 100 * r.abandonRate(), "%.2f");
        row("max hourly abandon rate (%)", predictive, progressive, r -> 100 * r.maxHourlyAbandonRate(), "%.2f");
        row("answered calls per agent-hour", predictive, progressive, DialerResult::connectsPerAgentHour, "%.1f");
        row("dials", predictive, progressive, r -> r.dials(), "%.0f");
        row("agent wait between calls (s)", predictive, progressive, DialerResult::meanAgentWaitSeconds, "%.1f");
        System.out.printf(
                Locale.ROOT, "%nRuntime: %.1f s for %d simulated days of %.0f h%n", seconds, 2 * seeds, model.hours());
    }

    private static void row(
            String name,
            List<DialerResult> predictive,
            List<DialerResult> progressive,
            ToDoubleFunction<DialerResult> figure,
            String format) {
        System.out.printf(
                Locale.ROOT,
                "| %-36s | %-24s | %-24s |%n",
                name,
                spread(predictive, figure, format),
                spread(progressive, figure, format));
    }

    private static String spread(List<DialerResult> results, ToDoubleFunction<DialerResult> figure, String format) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        double median = values.length % 2 == 1
                ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        return String.format(
                Locale.ROOT, format + " / " + format + " / " + format, values[0], median, values[values.length - 1]);
    }

    private static double doubleProperty(String name, double fallback) {
        String value = System.getProperty(name);
        return value == null ? fallback : Double.parseDouble(value);
    }
}
