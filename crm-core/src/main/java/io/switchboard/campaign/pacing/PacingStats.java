package io.switchboard.campaign.pacing;

/**
 * Rolling estimate of one campaign's answer rate, ring times and handle time, over its most recent attempts.
 *
 * <p>A rolling window rather than the whole day because answer rates drift (lunch time, evenings, a fresh lead
 * list). The prior counts as a few pseudo-attempts (fewer as the window fills) so that a new campaign starts from
 * it and not from the noise of its first calls; the default prior says every call is answered and handling is slow, which makes the predictive
 * pacer start at one call per free agent (progressive) and over-dial only as the real answer rate shows.
 *
 * <p>Answering machines report {@link #attemptFailed(double)} with the seconds until detection: they need no agent
 * but hold a line that long. An abandoned call was answered by a person and reports {@link
 * #attemptAnswered(double)}. Thread-safe: the dialer reads it while call events update it.
 */
public final class PacingStats {

    /** Every call answered, 10 s to answer, 20 s to fail, 5 min per call: starts as progressive dialling. */
    public static final PacingEstimate CAUTIOUS_PRIOR = new PacingEstimate(1.0, 10, 20, 300, 0);

    private static final int DEFAULT_ATTEMPT_WINDOW = 500;
    private static final int DEFAULT_HANDLE_WINDOW = 200;
    private static final int DEFAULT_PRIOR_WEIGHT = 20;

    private final RollingWindow answers;
    private final RollingWindow answerSeconds;
    private final RollingWindow failSeconds;
    private final RollingWindow handleSeconds;
    private final PacingEstimate prior;
    private final int priorWeight;
    private long attemptsPlaced;

    public PacingStats() {
        this(DEFAULT_ATTEMPT_WINDOW, DEFAULT_HANDLE_WINDOW, CAUTIOUS_PRIOR, DEFAULT_PRIOR_WEIGHT);
    }

    /**
     * @param attemptWindow finished attempts the answer rate and ring times are taken over
     * @param handleWindow finished calls the handle time is taken over
     * @param prior where a new campaign starts
     * @param priorWeight how many attempts (and handled calls) the prior counts as
     */
    public PacingStats(int attemptWindow, int handleWindow, PacingEstimate prior, int priorWeight) {
        if (priorWeight < 1) {
            throw new IllegalArgumentException("priorWeight must be at least 1");
        }
        this.answers = new RollingWindow(attemptWindow);
        this.answerSeconds = new RollingWindow(attemptWindow);
        this.failSeconds = new RollingWindow(attemptWindow);
        this.handleSeconds = new RollingWindow(handleWindow);
        this.prior = prior;
        this.priorWeight = priorWeight;
    }

    /** A call was placed. */
    public synchronized void attemptPlaced() {
        attemptsPlaced++;
    }

    /** A person answered after this long (ringing plus machine detection); abandoned calls included. */
    public synchronized void attemptAnswered(double ringSeconds) {
        answers.add(1);
        answerSeconds.add(ringSeconds);
    }

    /** No person answered (busy, no answer, failed, answering machine); the line was held this long. */
    public synchronized void attemptFailed(double ringSeconds) {
        answers.add(0);
        failSeconds.add(ringSeconds);
    }

    /** An agent finished a campaign call (talk plus wrap-up took this long). */
    public synchronized void agentFreed(double handleSeconds) {
        this.handleSeconds.add(handleSeconds);
    }

    public synchronized long attemptsPlaced() {
        return attemptsPlaced;
    }

    /** The window's figures, each pulled towards the prior by its pseudo-attempts. */
    public synchronized PacingEstimate estimate() {
        return new PacingEstimate(
                blend(prior.answerRate(), answers),
                blend(prior.secondsToAnswer(), answerSeconds),
                blend(prior.secondsToFail(), failSeconds),
                blend(prior.handleSeconds(), handleSeconds),
                answers.count());
    }

    /** The prior's weight fades as the window fills, so a full window is the campaign's own figure, unbiased. */
    private double blend(double priorValue, RollingWindow window) {
        double weight = priorWeight * (1 - (double) window.count() / window.size());
        return (weight * priorValue + window.sum()) / (weight + window.count());
    }
}
