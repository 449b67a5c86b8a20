package io.switchboard.simulator;

/**
 * One agent leg: the Local channel pair {@code Local/<ext>@agent-sim-0000000a;1} (the side the queue or Originate
 * dials) and {@code ;2} (the side that runs the simulated phone's dialplan), as on FreePBX-style systems.
 */
final class AgentLeg {

    static final String CONTEXT = "agent-sim";
    /** The phone's RING value for a member that never answers. */
    static final double NEVER = -1;

    final String extension;
    final SimChannel one;
    final SimChannel two;
    final double ringSeconds;
    final double talkSeconds;
    final boolean noisy;
    /** Whether the phone finds a TALK value in AstDB (a VarSet DB_RESULT before Set(TALK)), as in the outbound traces. */
    boolean talkFromDatabase;

    long ringStartMicros;
    long answeredMicros;

    private AgentLeg(
            String extension, SimChannel one, SimChannel two, double ringSeconds, double talkSeconds, boolean noisy) {
        this.extension = extension;
        this.one = one;
        this.two = two;
        this.ringSeconds = ringSeconds;
        this.talkSeconds = talkSeconds;
        this.noisy = noisy;
    }

    /** Creates the pair (two Newchannel events) in call {@code linkedid}, or a new call when it is null. */
    static AgentLeg open(
            SimulatedPbx pbx,
            String extension,
            String linkedid,
            double ringSeconds,
            double talkSeconds,
            boolean noisy) {
        String base = pbx.ids().localChannelBase(extension, CONTEXT);
        ChannelEvents events = pbx.channelEvents();
        SimChannel one = events.newChannel(base + ";1", linkedid, ChannelState.DOWN, CONTEXT, extension);
        SimChannel two = events.newChannel(base + ";2", one.linkedid(), ChannelState.RING, CONTEXT, extension);
        AgentLeg leg = new AgentLeg(extension, one, two, ringSeconds, talkSeconds, noisy);
        leg.ringStartMicros = pbx.clock().cursorMicros();
        return leg;
    }

    boolean answers() {
        return ringSeconds != NEVER;
    }

    String ringText() {
        return answers() ? seconds(ringSeconds) : "never";
    }

    String talkText() {
        return seconds(talkSeconds);
    }

    /** The queue member interface of an agent extension. */
    static String memberInterface(String extension) {
        return "Local/" + extension + "@" + CONTEXT + "/n";
    }

    /** The device name whose state DeviceStateChange reports for the agent's Local channels. */
    static String localDevice(String extension) {
        return "Local/" + extension + "@" + CONTEXT;
    }

    static String seconds(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
