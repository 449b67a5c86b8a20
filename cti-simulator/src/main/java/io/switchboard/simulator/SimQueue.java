package io.switchboard.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A simulated queue: members, callers waiting, and the statistics QueueStatus reports. PBX thread only. */
final class SimQueue {

    final String name;
    final QueueStrategy strategy;
    final List<QueueCall> waiting = new ArrayList<>();
    private final List<SimMember> members = new ArrayList<>();
    /** Members by extension and by interface: load mode has thousands, looked up on every state change. */
    private final Map<String, SimMember> index = new HashMap<>();

    private int availableMembers;
    int completed;
    int abandoned;
    long totalHoldSeconds;
    long totalTalkSeconds;

    SimQueue(String name, QueueStrategy strategy) {
        this.name = name;
        this.strategy = strategy;
    }

    List<SimMember> members() {
        return members;
    }

    void add(SimMember member) {
        members.add(member);
        index.put(member.extension, member);
        index.put(member.iface.toLowerCase(), member);
        if (member.available()) {
            availableMembers++;
        }
    }

    void remove(SimMember member) {
        members.remove(member);
        index.remove(member.extension);
        index.remove(member.iface.toLowerCase());
        if (member.available()) {
            availableMembers--;
        }
    }

    /**
     * Call after a member's status or pause changed. Returns true when the queue went from having a free member
     * to having none, or back: Asterisk then reports device {@code Queue:<name>_avail}.
     */
    boolean availabilityChanged(SimMember member, boolean wasAvailable) {
        boolean before = availableMembers > 0;
        availableMembers += (member.available() ? 1 : 0) - (wasAvailable ? 1 : 0);
        return before != (availableMembers > 0);
    }

    boolean hasAvailableMember() {
        return availableMembers > 0;
    }

    /** The member for an agent extension ({@code 1001}) or a member interface ({@code Local/1001@agent-sim/n}). */
    Optional<SimMember> member(String extensionOrInterface) {
        SimMember member = index.get(extensionOrInterface);
        return Optional.ofNullable(member != null ? member : index.get(extensionOrInterface.toLowerCase()));
    }

    int holdTimeAverage() {
        return completed == 0 ? 0 : (int) (totalHoldSeconds / completed);
    }

    int talkTimeAverage() {
        return completed == 0 ? 0 : (int) (totalTalkSeconds / completed);
    }

    int positionOf(QueueCall call) {
        return waiting.indexOf(call) + 1;
    }
}
