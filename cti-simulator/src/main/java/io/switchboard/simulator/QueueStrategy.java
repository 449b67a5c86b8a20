package io.switchboard.simulator;

/** How a simulated queue rings its members; the names are Asterisk's. */
public enum QueueStrategy {
    /** One member at a time, in the order they were added. */
    LINEAR("linear"),
    /** Every free member at once; the first to answer wins, the others' rings are cancelled. */
    RINGALL("ringall");

    private final String asteriskName;

    QueueStrategy(String asteriskName) {
        this.asteriskName = asteriskName;
    }

    public String asteriskName() {
        return asteriskName;
    }
}
