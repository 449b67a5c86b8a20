package io.switchboard.report;

/** The viewer's role has no call history (agents and campaign managers). */
public class CallHistoryAccessDeniedException extends RuntimeException {

    public CallHistoryAccessDeniedException() {
        super("Only supervisors and admins see the call history");
    }
}
