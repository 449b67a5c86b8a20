package io.switchboard.simulator;

/** Asterisk's texts for the hangup causes the simulator uses ({@code ast_cause2str}). */
final class CauseText {

    static final int UNKNOWN = 0;
    static final int NORMAL_CLEARING = 16;
    static final int USER_BUSY = 17;
    static final int NO_ANSWER = 19;
    static final int ANSWERED_ELSEWHERE = 26;
    static final int CONGESTION = 34;

    private CauseText() {}

    static String of(int cause) {
        return switch (cause) {
            case NORMAL_CLEARING -> "Normal Clearing";
            case USER_BUSY -> "User busy";
            case NO_ANSWER -> "User alerting, no answer";
            case ANSWERED_ELSEWHERE -> "Answered elsewhere";
            case 21 -> "Call Rejected";
            case CONGESTION -> "Circuit/channel congestion";
            default -> "Unknown";
        };
    }
}
