package io.switchboard.simulator;

import io.netty.channel.Channel;
import io.switchboard.simulator.codec.AmiMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Actions that inspect the PBX, answered as Asterisk 22 answers them (recorded from one): CoreStatus, Status,
 * QueueSummary, Getvar, ListCommands, and the CLI {@code core show channels} through {@code Command}.
 */
final class InspectionActions {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SimulatedPbx pbx;
    private final long startedMicros;
    private final Map<String, ActionHandler> handlers;

    InspectionActions(SimulatedPbx pbx, Map<String, ActionHandler> handlers) {
        this.pbx = pbx;
        this.handlers = handlers;
        this.startedMicros = pbx.clock().nowMicros();
    }

    void register() {
        ActionHandler otherCommands = handlers.get("command");
        handlers.put("corestatus", this::coreStatus);
        handlers.put("status", this::status);
        handlers.put("queuesummary", this::queueSummary);
        handlers.put("getvar", this::getvar);
        handlers.put("listcommands", this::listCommands);
        handlers.put("command", (session, action) -> {
            if (action.getOr("Command", "").trim().equalsIgnoreCase("core show channels")) {
                coreShowChannelsCli(session, action);
            } else {
                otherCommands.handle(session, action);
            }
        });
    }

    private void coreStatus(Channel session, AmiMessage action) {
        Instant started = Instant.ofEpochSecond(0, startedMicros * 1000);
        pbx.execute(() -> session.writeAndFlush(Responses.success(action)
                .add("CoreStartupDate", DATE.format(started))
                .add("CoreStartupTime", TIME.format(started))
                .add("CoreReloadDate", DATE.format(started))
                .add("CoreReloadTime", TIME.format(started))
                .add("CoreCurrentCalls", calls(pbx.liveChannels()))
                .add("CoreProcessedCalls", 0)
                .build()));
    }

    /** Status lists every channel (or the one named), with its dialplan position and age, then StatusComplete. */
    private void status(Channel session, AmiMessage action) {
        Optional<String> only = action.get("Channel").filter(name -> !name.isBlank());
        pbx.execute(() -> {
            List<SimChannel> channels = pbx.liveChannels().stream()
                    .filter(channel -> only.isEmpty() || channel.name.equalsIgnoreCase(only.get()))
                    .toList();
            if (only.isPresent() && channels.isEmpty()) {
                session.writeAndFlush(Responses.error(action, "No such channel"));
                return;
            }
            long now = pbx.clock().nowMicros();
            session.write(Responses.listStart(action, "Channel status will follow"));
            for (SimChannel channel : channels) {
                AmiMessage.Builder item =
                        AmiMessage.builder().add("Event", "Status").add("Privilege", "Call");
                ChannelFields.addTo(item, "", channel);
                item.add("Type", channel.name.substring(0, Math.max(0, channel.name.indexOf('/'))))
                        .add("DNID", "")
                        .add("EffectiveConnectedLineNum", channel.connectedNum())
                        .add("EffectiveConnectedLineName", channel.connectedName())
                        .add("TimeToHangup", 0)
                        .add("BridgeID", channel.bridgeId())
                        .add("Application", channel.application())
                        .add("Data", channel.applicationData())
                        .add("Nativeformats", "(ulaw)")
                        .add("Readformat", "ulaw")
                        .add("Readtrans", "")
                        .add("Writeformat", "ulaw")
                        .add("Writetrans", "")
                        .add("Callgroup", 0)
                        .add("Pickupgroup", 0)
                        .add("Seconds", Math.max(0, (now - channel.createdMicros) / 1_000_000))
                        .actionId(action.actionId());
                session.write(item.build());
            }
            session.writeAndFlush(AmiMessage.builder()
                    .add("Event", "StatusComplete")
                    .actionId(action.actionId())
                    .add("EventList", "Complete")
                    .add("ListItems", channels.size())
                    .add("Items", channels.size())
                    .build());
        });
    }

    private void queueSummary(Channel session, AmiMessage action) {
        Optional<String> only = action.get("Queue").filter(name -> !name.isBlank());
        pbx.execute(() -> {
            List<SimQueue> queues = pbx.queues().stream()
                    .filter(queue -> only.isEmpty() || queue.name.equals(only.get()))
                    .toList();
            long now = pbx.clock().nowMicros();
            session.write(Responses.listStart(action, "Queue summary will follow"));
            for (SimQueue queue : queues) {
                long longest = queue.waiting.stream()
                        .mapToLong(call -> SimClock.elapsedSeconds(call.joinMicros, now))
                        .max()
                        .orElse(0);
                session.write(AmiMessage.builder()
                        .add("Event", "QueueSummary")
                        .add("Queue", queue.name)
                        .add("LoggedIn", queue.members().size())
                        .add(
                                "Available",
                                queue.members().stream()
                                        .filter(SimMember::available)
                                        .count())
                        .add("Callers", queue.waiting.size())
                        .add("HoldTime", queue.holdTimeAverage())
                        .add("TalkTime", queue.talkTimeAverage())
                        .add("LongestHoldTime", longest)
                        .actionId(action.actionId())
                        .build());
            }
            session.writeAndFlush(Responses.listComplete(action, "QueueSummaryComplete", queues.size()));
        });
    }

    /**
     * Getvar of a global or function the simulator knows ({@code EPOCH}); a channel's own variables are not kept, so
     * a named channel answers as Asterisk does when it has none.
     */
    private void getvar(Channel session, AmiMessage action) {
        String variable = action.getOr("Variable", "").trim();
        if (variable.isEmpty()) {
            session.writeAndFlush(Responses.error(action, "No variable specified"));
            return;
        }
        Optional<String> channel = action.get("Channel").filter(name -> !name.isBlank());
        pbx.execute(() -> {
            if (channel.isPresent()
                    && pbx.liveChannels().stream().noneMatch(live -> live.name.equalsIgnoreCase(channel.get()))) {
                session.writeAndFlush(Responses.error(action, "No such channel"));
                return;
            }
            String value = variable.equals("EPOCH") ? Long.toString(pbx.clock().nowMicros() / 1_000_000) : "";
            session.writeAndFlush(Responses.success(action)
                    .add("Variable", variable)
                    .add("Value", value)
                    .build());
        });
    }

    /** The simulator's own actions, one {@code Name:  (Priv: ...)} line each, as Asterisk lists its actions. */
    private void listCommands(Channel session, AmiMessage action) {
        AmiMessage.Builder response = Responses.success(action);
        new TreeMap<>(handlers).keySet().forEach(name -> response.add(displayName(name), " (Priv: <none>)"));
        session.writeAndFlush(response.build());
    }

    /** The CLI's table: a header, a row per channel, then the channel, call and processed-call counts. */
    private void coreShowChannelsCli(Channel session, AmiMessage action) {
        pbx.execute(() -> {
            List<SimChannel> channels = pbx.liveChannels();
            AmiMessage.Builder response = Responses.success(action).add("Message", "Command output follows");
            response.add("Output", row("Channel", "Location", "State", "Application(Data)"));
            for (SimChannel channel : channels) {
                response.add(
                        "Output",
                        row(
                                channel.name,
                                channel.exten() + "@" + channel.context() + ":" + channel.priority(),
                                channel.state().description,
                                channel.application() + "(" + channel.applicationData() + ")"));
            }
            int calls = calls(channels);
            response.add("Output", channels.size() + " active channel" + (channels.size() == 1 ? "" : "s"))
                    .add("Output", calls + " active call" + (calls == 1 ? "" : "s"))
                    .add("Output", "0 calls processed");
            session.writeAndFlush(response.build());
        });
    }

    private static String row(String channel, String location, String state, String application) {
        return String.format(Locale.ROOT, "%-64.64s %-32.32s %-7.7s %-30.30s", channel, location, state, application);
    }

    /** Calls are distinct Linkedids, as Asterisk counts active calls. */
    private static int calls(List<SimChannel> channels) {
        return (int) channels.stream().map(SimChannel::linkedid).distinct().count();
    }

    /** {@code coreshowchannels} -> {@code CoreShowChannels}: the handlers are keyed in lower case. */
    private static String displayName(String name) {
        return KNOWN_NAMES.getOrDefault(name, Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }

    private static final Map<String, String> KNOWN_NAMES = Map.ofEntries(
            Map.entry("coreshowchannels", "CoreShowChannels"),
            Map.entry("coresettings", "CoreSettings"),
            Map.entry("corestatus", "CoreStatus"),
            Map.entry("queuestatus", "QueueStatus"),
            Map.entry("queuesummary", "QueueSummary"),
            Map.entry("queueadd", "QueueAdd"),
            Map.entry("queueremove", "QueueRemove"),
            Map.entry("queuepause", "QueuePause"),
            Map.entry("listcommands", "ListCommands"),
            Map.entry("getvar", "Getvar"),
            Map.entry("blindtransfer", "BlindTransfer"));
}
