package io.switchboard.simulator;

import io.netty.channel.Channel;
import io.switchboard.simulator.codec.AmiMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** QueueStatus, QueueAdd, QueueRemove and QueuePause, with Asterisk 22's messages. Work runs on the PBX thread. */
final class QueueActions {

    private final SimulatedPbx pbx;

    QueueActions(SimulatedPbx pbx) {
        this.pbx = pbx;
    }

    void register(Map<String, ActionHandler> handlers) {
        handlers.put("queuestatus", this::queueStatus);
        handlers.put("queueadd", this::queueAdd);
        handlers.put("queueremove", this::queueRemove);
        handlers.put("queuepause", this::queuePause);
    }

    private void queueStatus(Channel session, AmiMessage action) {
        Optional<String> only = action.get("Queue").filter(q -> !q.isBlank());
        pbx.execute(() -> {
            session.write(Responses.listStart(action, "Queue status will follow"));
            long now = pbx.clock().nowMicros();
            int items = 0;
            for (SimQueue queue : pbx.queues()) {
                if (only.isPresent() && !only.get().equals(queue.name)) {
                    continue;
                }
                for (AmiMessage item : QueueStatusItems.of(queue, action, now)) {
                    session.write(item);
                    items++;
                }
            }
            session.writeAndFlush(Responses.listComplete(action, "QueueStatusComplete", items));
        });
    }

    private void queueAdd(Channel session, AmiMessage action) {
        Optional<String> missing = missing(action, "Queue", "Interface");
        if (missing.isPresent()) {
            session.writeAndFlush(Responses.error(action, "'" + missing.get() + "' not specified."));
            return;
        }
        String iface = action.getOr("Interface", "");
        pbx.execute(() -> {
            Optional<SimQueue> queue = pbx.queue(action.getOr("Queue", ""));
            if (queue.isEmpty()) {
                session.writeAndFlush(Responses.error(action, "Unable to add interface to queue: No such queue"));
                return;
            }
            if (queue.get().member(iface).isPresent()) {
                session.writeAndFlush(Responses.error(action, "Unable to add interface: Already there"));
                return;
            }
            SimMember member = new SimMember(
                    queue.get().name,
                    extensionOf(iface),
                    action.get("MemberName").filter(n -> !n.isBlank()).orElse(iface),
                    iface,
                    action.get("StateInterface").filter(s -> !s.isBlank()).orElse(iface),
                    true,
                    pbx.clock().nowMicros() / 1_000_000);
            member.paused = isTrue(action.getOr("Paused", "false"));
            member.penalty = parseInt(action.getOr("Penalty", "0"));
            queue.get().add(member);
            session.writeAndFlush(Responses.success(action, "Added interface to queue"));
            pbx.queueEvents().memberEvent("QueueMemberAdded", member);
        });
    }

    private void queueRemove(Channel session, AmiMessage action) {
        Optional<String> missing = missing(action, "Queue", "Interface");
        if (missing.isPresent()) {
            session.writeAndFlush(Responses.error(action, "'" + missing.get() + "' not specified."));
            return;
        }
        pbx.execute(() -> {
            Optional<SimQueue> queue = pbx.queue(action.getOr("Queue", ""));
            if (queue.isEmpty()) {
                session.writeAndFlush(Responses.error(action, "Unable to remove interface from queue: No such queue"));
                return;
            }
            Optional<SimMember> member = queue.get().member(action.getOr("Interface", ""));
            if (member.isEmpty()) {
                session.writeAndFlush(Responses.error(action, "Unable to remove interface: Not there"));
                return;
            }
            queue.get().remove(member.get());
            session.writeAndFlush(Responses.success(action, "Removed interface from queue"));
            pbx.queueEvents().memberEvent("QueueMemberRemoved", member.get());
        });
    }

    private void queuePause(Channel session, AmiMessage action) {
        String iface = action.getOr("Interface", "");
        String paused = action.getOr("Paused", "");
        if (iface.isBlank()) {
            session.writeAndFlush(Responses.error(action, "Need 'Interface' parameter."));
            return;
        }
        if (paused.isBlank()) {
            session.writeAndFlush(Responses.error(action, "Need 'Paused' parameter."));
            return;
        }
        boolean pause = isTrue(paused);
        Optional<String> only = action.get("Queue").filter(q -> !q.isBlank());
        String reason = action.getOr("Reason", "");
        pbx.execute(() -> {
            List<SimMember> members = new ArrayList<>();
            for (SimQueue queue : pbx.queues()) {
                if (only.isEmpty() || only.get().equals(queue.name)) {
                    queue.member(iface).ifPresent(members::add);
                }
            }
            if (members.isEmpty()) {
                session.writeAndFlush(Responses.error(action, "Interface not found"));
                return;
            }
            session.writeAndFlush(Responses.success(
                    action, pause ? "Interface paused successfully" : "Interface unpaused successfully"));
            for (SimMember member : members) {
                boolean wasAvailable = member.available();
                member.paused = pause;
                member.pausedReason = pause ? reason : "";
                if (pause) {
                    member.lastPauseSeconds = pbx.clock().nowMicros() / 1_000_000;
                }
                pbx.queueEvents().pauseChanged(pbx.queue(member.queue).orElseThrow(), member, wasAvailable);
            }
        });
    }

    private static Optional<String> missing(AmiMessage action, String... keys) {
        for (String key : keys) {
            if (action.getOr(key, "").isBlank()) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** {@code Local/1006@agent-sim/n} → {@code 1006}, so device states of that agent reach the member. */
    static String extensionOf(String iface) {
        int slash = iface.indexOf('/');
        int at = iface.indexOf('@');
        return slash >= 0 && at > slash ? iface.substring(slash + 1, at) : iface;
    }

    static boolean isTrue(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equals("1");
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
