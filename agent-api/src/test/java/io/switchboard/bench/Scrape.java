package io.switchboard.bench;

import java.util.Map;
import java.util.TreeMap;

/** Series of one metric from a Prometheus scrape: the labels in braces to the value. */
final class Scrape {

    private Scrape() {}

    static Map<String, Double> series(String scrape, String metric) {
        Map<String, Double> series = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                int space = line.lastIndexOf(' ');
                int open = line.indexOf('{');
                String labels = open < 0 || open > space ? "" : line.substring(open, line.lastIndexOf('}') + 1);
                series.put(labels, Double.parseDouble(line.substring(space + 1)));
            }
        }
        return series;
    }

    /** The series as {@code labels value} pairs, leaving out zeros. */
    static String nonZero(Map<String, Double> series, double scale, String unit) {
        StringBuilder text = new StringBuilder();
        series.forEach((labels, value) -> {
            if (value != 0) {
                text.append(text.length() == 0 ? "" : ", ")
                        .append(labels)
                        .append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%,.2f", value * scale))
                        .append(unit);
            }
        });
        return text.length() == 0 ? "none" : text.toString();
    }
}
