package io.switchboard.simulator;

import io.switchboard.simulator.codec.AmiMessage;
import java.util.ArrayList;
import java.util.List;

/** The list items of QueueStatus for one queue: QueueParams, its QueueMembers and its QueueEntries. */
final class QueueStatusItems {

    private QueueStatusItems() {}

    static List<AmiMessage> of(SimQueue queue, AmiMessage action, long nowMicros) {
        List<AmiMessage> items = new ArrayList<>();
        items.add(AmiMessage.builder()
                .add("Event", "QueueParams")
                .add("Queue", queue.name)
                .add("Max", 0)
                .add("Strategy", queue.strategy.asteriskName())
                .add("Calls", queue.waiting.size())
                .add("Holdtime", queue.holdTimeAverage())
                .add("TalkTime", queue.talkTimeAverage())
                .add("Completed", queue.completed)
                .add("Abandoned", queue.abandoned)
                .add("ServiceLevel", 60)
                .add("ServicelevelPerf", "0.0")
                .add("ServicelevelPerf2", "0.0")
                .add("Weight", 0)
                .actionId(action.actionId())
                .build());
        for (SimMember member : queue.members()) {
            items.add(AmiMessage.builder()
                    .add("Event", "QueueMember")
                    .add("Queue", queue.name)
                    .add("Name", member.name)
                    .add("Location", member.iface)
                    .add("StateInterface", member.stateInterface)
                    .add("Membership", member.dynamic ? "dynamic" : "static")
                    .add("Penalty", member.penalty)
                    .add("CallsTaken", member.callsTaken)
                    .add("LastCall", member.lastCallSeconds)
                    .add("LastPause", member.lastPauseSeconds)
                    .add("LoginTime", member.loginTimeSeconds)
                    .add("InCall", member.inCall ? 1 : 0)
                    .add("Status", member.status)
                    .add("Paused", member.paused ? 1 : 0)
                    .add("PausedReason", member.pausedReason)
                    .add("Wrapuptime", 0)
                    .actionId(action.actionId())
                    .build());
        }
        int position = 1;
        for (QueueCall call : queue.waiting) {
            SimChannel caller = call.callerChannel;
            items.add(AmiMessage.builder()
                    .add("Event", "QueueEntry")
                    .add("Queue", queue.name)
                    .add("Position", position++)
                    .add("Channel", caller.name)
                    .add("Uniqueid", caller.uniqueid)
                    .add("CallerIDNum", caller.callerIdNum())
                    .add("CallerIDName", caller.callerIdName())
                    .add("ConnectedLineNum", caller.connectedNum())
                    .add("ConnectedLineName", caller.connectedName())
                    .add("Wait", Math.max(0, (nowMicros - call.joinMicros) / 1_000_000))
                    .add("Priority", 0)
                    .actionId(action.actionId())
                    .build());
        }
        return items;
    }
}
