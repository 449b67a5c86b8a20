package io.switchboard.gateway.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracker's state of one call, folded from its channels' events. Mutable, owned by the tracker thread; fields
 * are kept primitive and lists small because thousands of calls are held at once.
 */
final class Call {

    final String id;
    final long startedAt;
    final List<Channel> channels = new ArrayList<>(4);
    /** Linkedids of calls merged into this one by a transfer or a bridge. */
    List<String> aliases;

    CallDirection direction;
    boolean startEmitted;
    Party caller = Party.UNKNOWN;
    String callee;
    /** For calls an agent's own phone started (click-to-dial, consultation). */
    String originAgent;
    /** Dialled customer first (a campaign originate): the customer answering is the call being answered. */
    boolean customerFirst;

    boolean customerAnswered;
    /** Variables set before the call started, published right after its start; null for almost every call. */
    List<CallEvent.CallTagged> pendingTags;

    String queue;
    long queuedAt;
    int queuePosition;

    String firstRangAgent;
    /** Agents whose phones ring for this call now, in the order they started, with when each started. */
    Map<String, Long> ringing;

    String answeredBy;
    String currentAgent;
    long answeredAt;
    long ringSeconds = -1;
    long waitSeconds = -1;
    long talkSeconds = -1;
    boolean abandoned;
    String dialStatus;

    /** Queue and agent legs; null until the call reaches a queue or an agent. */
    CallPath path;
    /** The agent an agent on this call is consulting before an attended transfer (their phone rings or is up). */
    String consulted;
    /** The consulted agent has answered (the consultation is a conversation, not a ring). */
    boolean consultedAnswered;

    int hangupCause;
    String hangupCauseText;
    boolean causeFromRealChannel;

    Call(String id, long startedAt) {
        this.id = id;
        this.startedAt = startedAt;
    }

    CallPath path() {
        if (path == null) {
            path = new CallPath();
        }
        return path;
    }

    boolean answered() {
        return answeredBy != null;
    }

    boolean isRinging(String agent) {
        return ringing != null && ringing.containsKey(agent);
    }

    void addRinging(String agent, long at) {
        if (ringing == null) {
            ringing = new LinkedHashMap<>(4);
        }
        ringing.put(agent, at);
        if (firstRangAgent == null) {
            firstRangAgent = agent;
        }
    }

    /** When the agent's phone began ringing for this call, if it rings now. */
    long ringingSince(String agent) {
        return ringing.get(agent);
    }

    boolean removeRinging(String agent) {
        if (ringing == null || ringing.remove(agent) == null) {
            return false;
        }
        if (ringing.isEmpty()) {
            ringing = null; // most calls end with nobody ringing; don't keep an empty list per call
        }
        return true;
    }

    void addAlias(String linkedid) {
        if (aliases == null) {
            aliases = new ArrayList<>(1);
        }
        aliases.add(linkedid);
    }

    void recordHangupCause(Channel channel, int cause, String causeText) {
        boolean real = !channel.local;
        if (hangupCauseText == null || (real && !causeFromRealChannel)) {
            hangupCause = cause;
            hangupCauseText = causeText;
            causeFromRealChannel = real;
        }
    }
}
