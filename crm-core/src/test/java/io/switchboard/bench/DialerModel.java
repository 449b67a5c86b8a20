package io.switchboard.bench;

/**
 * The simulated call centre and its customers.
 *
 * @param agents agents logged in all day
 * @param answerRate share of dials a person answers
 * @param machineRate share of dials an answering machine answers (detected, then hung up; needs no agent)
 * @param busyRate share of dials that are busy (fail fast)
 * @param failedRate share of dials that fail (congestion, bad number; fail fast)
 * @param ringMedianSeconds median ring time before a person or machine answers (lognormal)
 * @param noAnswerSeconds ring timeout: the rest of the dials end unanswered after this long
 * @param amdSeconds answering machine detection after the answer, for people and machines alike
 * @param talkMeanSeconds mean talk time (lognormal)
 * @param talkSigma shape of the talk time's lognormal (0 for a constant)
 * @param wrapSeconds wrap-up after each call
 * @param patienceSeconds an answered call with no agent within this long is abandoned
 * @param hours length of the simulated day
 * @param abandonCap the campaign's abandon cap
 */
public record DialerModel(
        int agents,
        double answerRate,
        double machineRate,
        double busyRate,
        double failedRate,
        double ringMedianSeconds,
        double noAnswerSeconds,
        double amdSeconds,
        double talkMeanSeconds,
        double talkSigma,
        double wrapSeconds,
        double patienceSeconds,
        double hours,
        double abandonCap) {

    public static DialerModel defaults() {
        return new DialerModel(50, 0.25, 0.05, 0.10, 0.05, 8, 25, 2.5, 180, 0.8, 10, 2, 8, 0.03);
    }

    public DialerModel withAgents(int agents) {
        return new DialerModel(
                agents,
                answerRate,
                machineRate,
                busyRate,
                failedRate,
                ringMedianSeconds,
                noAnswerSeconds,
                amdSeconds,
                talkMeanSeconds,
                talkSigma,
                wrapSeconds,
                patienceSeconds,
                hours,
                abandonCap);
    }

    public DialerModel withAnswerRate(double answerRate) {
        return new DialerModel(
                agents,
                answerRate,
                machineRate,
                busyRate,
                failedRate,
                ringMedianSeconds,
                noAnswerSeconds,
                amdSeconds,
                talkMeanSeconds,
                talkSigma,
                wrapSeconds,
                patienceSeconds,
                hours,
                abandonCap);
    }

    public DialerModel withMachineRate(double machineRate) {
        return new DialerModel(
                agents,
                answerRate,
                machineRate,
                busyRate,
                failedRate,
                ringMedianSeconds,
                noAnswerSeconds,
                amdSeconds,
                talkMeanSeconds,
                talkSigma,
                wrapSeconds,
                patienceSeconds,
                hours,
                abandonCap);
    }

    public DialerModel withTalk(double talkMeanSeconds, double wrapSeconds) {
        return new DialerModel(
                agents,
                answerRate,
                machineRate,
                busyRate,
                failedRate,
                ringMedianSeconds,
                noAnswerSeconds,
                amdSeconds,
                talkMeanSeconds,
                talkSigma,
                wrapSeconds,
                patienceSeconds,
                hours,
                abandonCap);
    }

    public DialerModel withAbandonCap(double abandonCap) {
        return new DialerModel(
                agents,
                answerRate,
                machineRate,
                busyRate,
                failedRate,
                ringMedianSeconds,
                noAnswerSeconds,
                amdSeconds,
                talkMeanSeconds,
                talkSigma,
                wrapSeconds,
                patienceSeconds,
                hours,
                abandonCap);
    }

    public DialerModel withHours(double hours) {
        return new DialerModel(
                agents,
                answerRate,
                machineRate,
                busyRate,
                failedRate,
                ringMedianSeconds,
                noAnswerSeconds,
                amdSeconds,
                talkMeanSeconds,
                talkSigma,
                wrapSeconds,
                patienceSeconds,
                hours,
                abandonCap);
    }
}
