package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.simulator.codec.AmiMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Scenarios without a recorded trace, manager actions that change calls, and simulated time. */
class ScenarioBehaviourTest extends SimulatorAtSpeedTestBase {

    private static List<AmiMessage> eventsOf(RawAmiClient client, CompletableFuture<SimulatedCall> call)
            throws Exception {
        call.get(10, TimeUnit.SECONDS);
        client.send("Action: Ping", "ActionID: sync");
        return client.framesUntil(f -> f.get("ActionID").orElse("").equals("sync"), Duration.ofSeconds(10)).stream()
                .filter(f -> f.get("Event").isPresent())
                .toList();
    }

    private static List<AmiMessage> named(List<AmiMessage> events, String name) {
        return events.stream().filter(event(name)).toList();
    }

    private static double seconds(AmiMessage event) {
        return Double.parseDouble(event.get("Timestamp").orElseThrow());
    }

    @Test
    void stampsEventsWithSimulatedTimeSoTalkTimeReadsInSeconds() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            List<AmiMessage> events = eventsOf(client, simulator.run(QueueCallAnswered.example()));

            AmiMessage connect = named(events, "AgentConnect").get(0);
            AmiMessage complete = named(events, "AgentComplete").get(0);
            assertThat(seconds(complete) - seconds(connect)).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(complete.get("TalkTime")).contains("5");
            assertThat(connect.get("HoldTime")).contains("2");
            assertThat(events)
                    .allSatisfy(
                            e -> assertThat(e.get("Timestamp").orElseThrow()).matches("\\d+\\.\\d{6}"));
        }
    }

    @Test
    void movesToTheNextAgentAfterARingNoAnswer() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            List<AmiMessage> events = eventsOf(client, simulator.run(RingNoAnswerThenAnswered.example()));

            AmiMessage noAnswer = named(events, "AgentRingNoAnswer").get(0);
            assertThat(noAnswer.get("MemberName")).contains("Agent 1001");
            assertThat(noAnswer.get("RingTime")).contains("15000");
            assertThat(named(events, "AgentCalled"))
                    .extracting(e -> e.get("MemberName").orElseThrow())
                    .containsExactly("Agent 1001", "Agent 1002");
            assertThat(named(events, "AgentConnect").get(0).get("MemberName")).contains("Agent 1002");
            assertThat(named(events, "DialEnd"))
                    .extracting(e -> e.get("DialStatus").orElseThrow())
                    .containsExactly("NOANSWER", "ANSWER");
        }
    }

    @Test
    void blindTransferHandsTheCallerToTheTargetAgent() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            CompletableFuture<SimulatedCall> run = simulator.run(BlindTransfer.example());
            List<AmiMessage> events = eventsOf(client, run);

            AmiMessage transfer = named(events, "BlindTransfer").get(0);
            assertThat(transfer.get("Result")).contains("Success");
            assertThat(transfer.get("TransfererChannel"))
                    .hasValueSatisfying(c -> assertThat(c).startsWith("Local/1001@"));
            assertThat(transfer.get("TransfereeChannel"))
                    .hasValueSatisfying(c -> assertThat(c).startsWith("IAX2/"));
            assertThat(transfer.get("Extension")).contains("1003");
            assertThat(transfer.get("IsExternal")).contains("No");
            assertThat(named(events, "AgentComplete").get(0).get("Reason")).contains("transfer");
            assertThat(named(events, "DialBegin"))
                    .extracting(e -> e.get("DialString").orElseThrow())
                    .containsExactly("Local/1001@agent-sim/n", "Local/1003@agent-sim/n");
            assertThat(run.get().answeredBy()).contains("1003");
        }
    }

    @Test
    void attendedTransferMergesTheConsultationCallIntoTheCallersCall() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            CompletableFuture<SimulatedCall> run = simulator.run(AttendedTransfer.example());
            List<AmiMessage> events = eventsOf(client, run);
            SimulatedCall call = run.get();

            AmiMessage transfer = named(events, "AttendedTransfer").get(0);
            assertThat(transfer.get("Result")).contains("Success");
            assertThat(transfer.get("DestType")).contains("Bridge");
            assertThat(transfer.get("OrigTransfererLinkedid")).contains(call.linkedid());
            assertThat(transfer.get("SecondTransfererLinkedid"))
                    .contains(call.otherLinkedids().get(0));
            assertThat(transfer.get("TransferTargetChannel"))
                    .hasValueSatisfying(c -> assertThat(c).startsWith("Local/1002@"));
            assertThat(transfer.get("DestBridgeUniqueid")).isEqualTo(transfer.get("OrigBridgeUniqueid"));
            AmiMessage lastHangup = named(events, "Hangup").stream()
                    .filter(e -> e.get("Channel").orElse("").startsWith("Local/1002@"))
                    .reduce((first, second) -> second)
                    .orElseThrow();
            assertThat(lastHangup.get("Linkedid")).contains(call.linkedid());
            assertThat(call.answeredBy()).contains("1002");
        }
    }

    @Test
    void hangupActionEndsTheWholeCallWithNormalClearing() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            CompletableFuture<SimulatedCall> run = simulator.run(new QueueCallAnswered(
                    QueueCallAnswered.example().caller(), "support", "1002", 1, 1e9, HangupBy.AGENT));
            AmiMessage connect = client.awaitFrame(event("AgentConnect"));

            AmiMessage response = client.action(
                    "h1", "Action: Hangup", "Channel: " + connect.get("Channel").orElseThrow());
            SimulatedCall call = run.get(5, TimeUnit.SECONDS);

            assertThat(response.get("Message")).contains("Channel Hungup");
            assertThat(call.outcome()).isEqualTo(SimulatedCall.Outcome.HUNG_UP_BY_ACTION);
            assertThat(simulator.stats().liveChannels()).isZero();
            assertThat(client.action("h2", "Action: Hangup", "Channel: IAX2/carrier-1")
                            .get("Message"))
                    .contains("No such channel");
        }
    }

    /**
     * As Asterisk 22 does it (traces blind_transfer_redirect*.ami): a Redirect of the caller reports no
     * BlindTransfer; the agent's leg hangs up before the target rings, and the queue's AgentComplete (reason caller,
     * the talk time since that agent answered) comes only when the whole call ends.
     */
    @Test
    void redirectActionMovesTheCallerWithoutABlindTransferAndCompletesTheQueueAtTheEnd() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            CompletableFuture<SimulatedCall> run = simulator.run(new QueueCallAnswered(
                    QueueCallAnswered.example().caller(), "support", "1001", 1, 1e9, HangupBy.AGENT));
            AmiMessage connect = client.awaitFrame(event("AgentConnect"));

            client.send(
                    "Action: Redirect",
                    "ActionID: r1",
                    "Channel: " + connect.get("Channel").orElseThrow(),
                    "Context: transfer",
                    "Exten: 1003",
                    "Priority: 1");
            List<AmiMessage> frames = client.framesUntil(event("AgentComplete"), Duration.ofSeconds(10));
            List<AmiMessage> after = client.framesUntil(
                    event("Hangup", "Channel", connect.get("Channel").orElseThrow()), Duration.ofSeconds(10));

            assertThat(frames)
                    .filteredOn(f -> f.get("ActionID").orElse("").equals("r1"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("Message")).contains("Redirect successful"));
            assertThat(frames).noneMatch(event("BlindTransfer"));
            int firstAgentGone = indexOf(frames, eventStarting("Hangup", "Channel", "Local/1001@"));
            int targetRings = indexOf(frames, eventStarting("DialBegin", "DestChannel", "Local/1003@"));
            int targetGone = indexOf(frames, eventStarting("Hangup", "Channel", "Local/1003@"));
            assertThat(firstAgentGone).isNotNegative().isLessThan(targetRings);
            assertThat(targetGone)
                    .as("the queue completes after the target's call")
                    .isGreaterThan(targetRings);
            AmiMessage complete = frames.get(frames.size() - 1);
            assertThat(complete.get("Queue")).contains("support");
            assertThat(complete.get("Interface")).contains("Local/1001@agent-sim/n");
            assertThat(complete.get("Reason")).contains("caller");
            assertThat(complete.get("DestChannel")).isEmpty();
            assertThat(after).isNotEmpty();
            assertThat(run.get(5, TimeUnit.SECONDS).answeredBy()).contains("1003");
        }
    }

    /**
     * A Redirect of the caller to a queue's name, as blind_transfer_redirect.ami shows Asterisk 22 doing it: no
     * BlindTransfer; the caller joins sales before 1001's leg hangs up; sales rings its free members and 1004
     * answers; sales' AgentComplete (reason agent) comes before the first queue's (support, reason caller), which is
     * last.
     */
    @Test
    void redirectIntoAQueueJoinsItAndCompletesTheFirstQueueLast() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            CompletableFuture<SimulatedCall> run = simulator.run(new QueueCallAnswered(
                    QueueCallAnswered.example().caller(), "support", "1001", 1, 1e9, HangupBy.AGENT));
            AmiMessage connect = client.awaitFrame(event("AgentConnect"));

            client.send(
                    "Action: Redirect",
                    "ActionID: r2",
                    "Channel: " + connect.get("Channel").orElseThrow(),
                    "Context: transfer",
                    "Exten: sales",
                    "Priority: 1");
            List<AmiMessage> frames =
                    client.framesUntil(event("AgentComplete", "Queue", "support"), Duration.ofSeconds(15));

            assertThat(frames)
                    .filteredOn(f -> f.get("ActionID").orElse("").equals("r2"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("Message")).contains("Redirect successful"));
            assertThat(frames).noneMatch(event("BlindTransfer"));
            int joinsSales = indexOf(frames, event("QueueCallerJoin", "Queue", "sales"));
            int firstAgentGone = indexOf(frames, eventStarting("Hangup", "Channel", "Local/1001@"));
            int salesConnects = indexOf(frames, event("AgentConnect", "Queue", "sales"));
            int salesCompletes = indexOf(frames, event("AgentComplete", "Queue", "sales"));
            assertThat(joinsSales).isNotNegative().isLessThan(firstAgentGone);
            assertThat(firstAgentGone).isLessThan(salesConnects);
            assertThat(frames.get(salesConnects).get("Interface")).contains("Local/1004@agent-sim/n");
            assertThat(salesCompletes).isGreaterThan(salesConnects);
            assertThat(frames.get(salesCompletes).get("Reason")).contains("agent");
            AmiMessage complete = frames.get(frames.size() - 1);
            assertThat(complete.get("Interface")).contains("Local/1001@agent-sim/n");
            assertThat(complete.get("Reason")).contains("caller");
            assertThat(complete.get("DestChannel")).isEmpty();
            assertThat(run.get(5, TimeUnit.SECONDS).answeredBy()).contains("1004");
        }
    }

    /** A frame of the event {@code name}. */
    private static Predicate<AmiMessage> event(String name) {
        return frame -> frame.get("Event").orElse("").equals(name);
    }

    /** A frame of the event {@code name} whose {@code key} is {@code value}. */
    private static Predicate<AmiMessage> event(String name, String key, String value) {
        return event(name).and(frame -> frame.get(key).orElse("").equals(value));
    }

    /** A frame of the event {@code name} whose {@code key} starts with {@code prefix}. */
    private static Predicate<AmiMessage> eventStarting(String name, String key, String prefix) {
        return event(name).and(frame -> frame.get(key).orElse("").startsWith(prefix));
    }

    private static int indexOf(List<AmiMessage> frames, Predicate<AmiMessage> wanted) {
        for (int i = 0; i < frames.size(); i++) {
            if (wanted.test(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void queueActionsChangeMembersAndAnnounceIt() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            AmiMessage added = client.action(
                    "a1",
                    "Action: QueueAdd",
                    "Queue: sales",
                    "Interface: Local/1009@agent-sim/n",
                    "MemberName: Agent 1009",
                    "StateInterface: Custom:1009",
                    "Paused: false");
            AmiMessage addedEvent = client.awaitFrame(event("QueueMemberAdded"));
            AmiMessage paused = client.action(
                    "p1", "Action: QueuePause", "Interface: Local/1009@agent-sim/n", "Paused: true", "Reason: lunch");
            AmiMessage pauseEvent = client.awaitFrame(event("QueueMemberPause"));
            AmiMessage removed =
                    client.action("d1", "Action: QueueRemove", "Queue: sales", "Interface: Local/1009@agent-sim/n");
            AmiMessage removedEvent = client.awaitFrame(event("QueueMemberRemoved"));

            assertThat(added.get("Message")).contains("Added interface to queue");
            assertThat(addedEvent.get("Membership")).contains("dynamic");
            assertThat(addedEvent.get("StateInterface")).contains("Custom:1009");
            assertThat(paused.get("Message")).contains("Interface paused successfully");
            assertThat(pauseEvent.get("Paused")).contains("1");
            assertThat(pauseEvent.get("PausedReason")).contains("lunch");
            assertThat(removed.get("Message")).contains("Removed interface from queue");
            assertThat(removedEvent.get("Interface")).contains("Local/1009@agent-sim/n");
            assertThat(client.action("a2", "Action: QueueAdd", "Queue: nope", "Interface: Local/1@agent-sim/n")
                            .get("Message"))
                    .contains("Unable to add interface to queue: No such queue");
            assertThat(client.action("d2", "Action: QueueRemove", "Queue: sales", "Interface: Local/1@agent-sim/n")
                            .get("Message"))
                    .contains("Unable to remove interface: Not there");
            assertThat(client.action("p2", "Action: QueuePause", "Interface: Local/1@agent-sim/n", "Paused: true")
                            .get("Message"))
                    .contains("Interface not found");
        }
    }

    @Test
    void listsLiveChannelsAndWaitingCallersWithTheActionId() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            CompletableFuture<SimulatedCall> run = simulator.run(new QueueCallAbandoned(
                    QueueCallAbandoned.example().caller(), "support", java.util.Optional.of("1003"), 1e9));
            client.awaitFrame(event("DialState"));

            client.send("Action: CoreShowChannels", "ActionID: list-1");
            List<AmiMessage> channels = client.framesUntil(event("CoreShowChannelsComplete"), Duration.ofSeconds(5));
            client.send("Action: QueueStatus", "Queue: support", "ActionID: qs-1");
            List<AmiMessage> status = client.framesUntil(event("QueueStatusComplete"), Duration.ofSeconds(5));

            List<AmiMessage> items = named(channels, "CoreShowChannel");
            assertThat(items).hasSize(3).allSatisfy(item -> {
                assertThat(item.get("ActionID")).contains("list-1");
                assertThat(item.get("Duration"))
                        .hasValueSatisfying(d -> assertThat(d).matches("\\d\\d:\\d\\d:\\d\\d"));
            });
            assertThat(named(channels, "CoreShowChannelsComplete").get(0).get("ListItems"))
                    .contains("3");
            assertThat(named(status, "QueueEntry"))
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.get("Position")).contains("1"));
            assertThat(named(status, "QueueMember"))
                    .extracting(m -> m.get("Name").orElseThrow())
                    .containsExactly("Agent 1001", "Agent 1002", "Agent 1003");
            assertThat(named(status, "QueueStatusComplete").get(0).get("ListItems"))
                    .contains("5");

            client.action(
                    "h1",
                    "Action: Hangup",
                    "Channel: " + items.get(0).get("Channel").orElseThrow());
            assertThat(run.get(5, TimeUnit.SECONDS).outcome()).isEqualTo(SimulatedCall.Outcome.HUNG_UP_BY_ACTION);
        }
    }

    @Test
    void originateCanBeSteeredToABusyLineByAChannelVariable() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            AmiMessage queued = client.action(
                    "o1",
                    "Action: Originate",
                    "Channel: Local/1003@agent-sim",
                    "Context: to-carrier",
                    "Exten: 4930555552",
                    "Priority: 1",
                    "Async: true",
                    "Variable: SIM_OUTCOME=BUSY");
            AmiMessage response = client.awaitFrame(event("OriginateResponse"));
            AmiMessage busy = client.awaitFrame(event("DialEnd", "DialStatus", "BUSY"));

            assertThat(queued.get("Message")).contains("Originate successfully queued");
            assertThat(response.get("ActionID")).contains("o1");
            assertThat(response.get("Reason")).contains("4");
            assertThat(busy.get("DestChannel"))
                    .hasValueSatisfying(c -> assertThat(c).startsWith("IAX2/carrier-"));
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.liveCalls() == 0);
        }
    }

    @Test
    void emitsCelAndCdrOnlyWhenEnabled() throws Exception {
        SimulatorSettings withCel = SETTINGS.withCelEvents(true);
        try (AmiSimulator celSimulator = new AmiSimulator(withCel)) {
            int celPort = celSimulator.start();
            try (RawAmiClient client = RawAmiClient.loggedIn(celPort, withCel)) {
                List<AmiMessage> events = eventsOf(client, celSimulator.run(QueueCallAnswered.example()));

                assertThat(named(events, "CEL"))
                        .extracting(e -> e.get("EventName").orElseThrow())
                        .contains("CHAN_START", "ANSWER", "BRIDGE_ENTER", "HANGUP", "CHAN_END", "LINKEDID_END");
                assertThat(named(events, "Cdr")).isNotEmpty();
            }
        }
        try (RawAmiClient client = RawAmiClient.loggedIn(port, SETTINGS)) {
            List<AmiMessage> events = eventsOf(client, simulator.run(QueueCallAnswered.example()));
            assertThat(named(events, "CEL")).isEmpty();
        }
    }
}
