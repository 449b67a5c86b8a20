package io.switchboard.campaign.pacing;

/** The last N values and their sum; the oldest drops out as a new one comes in. Not thread-safe. */
final class RollingWindow {

    private final double[] values;
    private int next;
    private int count;
    private double sum;

    RollingWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("window size must be at least 1");
        }
        this.values = new double[size];
    }

    void add(double value) {
        if (count == values.length) {
            sum -= values[next];
        } else {
            count++;
        }
        values[next] = value;
        sum += value;
        next = (next + 1) % values.length;
    }

    int size() {
        return values.length;
    }

    int count() {
        return count;
    }

    double sum() {
        return sum;
    }
}
