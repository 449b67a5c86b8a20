package io.switchboard.simulator;

/**
 * A queue member: agent {@code extension} as {@code Local/<ext>@agent-sim/n}. Status numbers are Asterisk's
 * device states (1 not in use, 2 in use, 6 ringing). Owned by the PBX thread.
 */
final class SimMember {

    static final int NOT_INUSE = 1;
    static final int INUSE = 2;
    static final int RINGING = 6;

    final String queue;
    final String extension;
    final String name;
    final String iface;
    final String stateInterface;
    final boolean dynamic;
    final long loginTimeSeconds;
    int penalty;
    int callsTaken;
    long lastCallSeconds;
    long lastPauseSeconds;
    boolean inCall;
    int status = NOT_INUSE;
    boolean paused;
    String pausedReason = "";

    SimMember(
            String queue,
            String extension,
            String name,
            String iface,
            String stateInterface,
            boolean dynamic,
            long loginTimeSeconds) {
        this.queue = queue;
        this.extension = extension;
        this.name = name;
        this.iface = iface;
        this.stateInterface = stateInterface;
        this.dynamic = dynamic;
        this.loginTimeSeconds = loginTimeSeconds;
    }

    static SimMember forAgent(String queue, String extension, boolean dynamic, long loginTimeSeconds) {
        return new SimMember(
                queue,
                extension,
                "Agent " + extension,
                AgentLeg.memberInterface(extension),
                "Custom:" + extension,
                dynamic,
                loginTimeSeconds);
    }

    boolean available() {
        return !paused && status == NOT_INUSE;
    }

    /** The fields of QueueMemberStatus, QueueMemberAdded, QueueMemberRemoved and QueueMemberPause. */
    void writeTo(EventWriter event) {
        event.field("Queue", queue)
                .field("MemberName", name)
                .field("Interface", iface)
                .field("StateInterface", stateInterface)
                .field("Membership", dynamic ? "dynamic" : "static")
                .field("Penalty", penalty)
                .field("CallsTaken", callsTaken)
                .field("LastCall", lastCallSeconds)
                .field("LastPause", lastPauseSeconds)
                .field("LoginTime", loginTimeSeconds)
                .field("InCall", inCall ? 1 : 0)
                .field("Status", status)
                .field("Paused", paused ? 1 : 0)
                .field("PausedReason", pausedReason)
                .field("Ringinuse", 0)
                .field("Wrapuptime", 0);
    }
}
