package io.switchboard.campaign.pacing;

/**
 * What the pacer knows about a campaign's recent calls.
 *
 * @param answerRate share of placed calls a person answers (answering machines, busy, no answer and failures are
 *     not answers)
 * @param secondsToAnswer mean time from dialling until a person is on the line and needs an agent
 * @param secondsToFail mean time a call that no person answers holds its line (ringing out, busy, the machine
 *     detection)
 * @param handleSeconds mean time an agent spends on one call, talk plus wrap-up
 * @param attemptsSeen finished attempts behind the estimate (the prior not counted)
 */
public record PacingEstimate(
        double answerRate, double secondsToAnswer, double secondsToFail, double handleSeconds, int attemptsSeen) {

    public PacingEstimate {
        if (answerRate < 0 || answerRate > 1) {
            throw new IllegalArgumentException("answerRate must be within 0..1: " + answerRate);
        }
        if (secondsToAnswer <= 0 || secondsToFail <= 0 || handleSeconds <= 0) {
            throw new IllegalArgumentException("the times must be positive");
        }
    }

    /**
     * The chance that a call ringing now will still be answered. Lower than the answer rate: a snapshot of the
     * lines in use holds each call for as long as it rings, and the calls nobody answers ring longest (no answer
     * runs to the ring timeout), so they are over-represented. By Little's law the answered share of the calls in
     * flight is p·Ta / (p·Ta + (1-p)·Tf).
     */
    public double inFlightAnswerRate() {
        double answering = answerRate * secondsToAnswer;
        double failing = (1 - answerRate) * secondsToFail;
        return answering + failing == 0 ? 0 : answering / (answering + failing);
    }
}
