package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.simulator.codec.AmiMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's inspection actions in the layout a real Asterisk 22 answers them (recorded from the end-to-end
 * suite's PBX): CoreStatus, Status, QueueSummary, Getvar, ListCommands and {@code Command: core show channels}.
 */
class InspectionActionsTest {

    private final SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(1);
    private AmiSimulator simulator;
    private int port;

    @BeforeEach
    void start() {
        simulator = new AmiSimulator(settings, new SimpleMeterRegistry());
        port = simulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** A queue call that stays up (the agent talks a minute): its channels are there to inspect. */
    private void aCallInProgress(RawAmiClient client) {
        simulator.run(new QueueCallAnswered(
                new Caller("+4930123456", "Alice Example", "500"), "support", "1001", 0.1, 60, HangupBy.CALLER));
        client.awaitFrame(frame -> frame.get("Event").orElse("").equals("AgentConnect"), Duration.ofSeconds(10));
    }

    @Test
    void coreStatusAnswersWithTheStartupTimeAndCurrentCalls() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            AmiMessage status = client.action("c1", "Action: CoreStatus");

            assertThat(status.get("Response")).contains("Success");
            assertThat(status.get("CoreStartupDate").orElseThrow()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(status.get("CoreStartupTime").orElseThrow()).matches("\\d{2}:\\d{2}:\\d{2}");
            assertThat(status.get("CoreReloadDate")).isPresent();
            assertThat(status.get("CoreReloadTime")).isPresent();
            assertThat(status.get("CoreCurrentCalls")).contains("0");
            assertThat(status.get("CoreProcessedCalls")).isPresent();
        }
    }

    @Test
    void statusListsEveryChannelOfACallThenStatusComplete() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            aCallInProgress(client);
            client.send("Action: Status", "ActionID: s1");
            List<AmiMessage> frames = client.framesUntil(
                    frame -> frame.get("Event").orElse("").equals("StatusComplete"), Duration.ofSeconds(5));

            AmiMessage start = frames.stream()
                    .filter(frame -> frame.get("ActionID").orElse("").equals("s1")
                            && frame.get("Response").isPresent())
                    .findFirst()
                    .orElseThrow();
            assertThat(start.get("EventList")).contains("start");
            assertThat(start.get("Message")).contains("Channel status will follow");
            List<AmiMessage> items = frames.stream()
                    .filter(frame -> frame.get("Event").orElse("").equals("Status"))
                    .toList();
            assertThat(items).isNotEmpty();
            assertThat(items).allSatisfy(item -> {
                assertThat(item.get("ActionID")).contains("s1");
                assertThat(item.get("Privilege")).contains("Call");
                assertThat(item.get("Linkedid")).isPresent();
                assertThat(item.get("Context")).isPresent();
                assertThat(item.get("Seconds")).isPresent();
            });
            assertThat(items)
                    .anySatisfy(item ->
                            assertThat(item.get("Channel").orElseThrow()).startsWith("IAX2/"));
            AmiMessage complete = frames.get(frames.size() - 1);
            assertThat(complete.get("EventList")).contains("Complete");
            assertThat(complete.get("ListItems")).contains(Integer.toString(items.size()));
            assertThat(complete.get("Items")).contains(Integer.toString(items.size()));
        }
    }

    @Test
    void queueSummaryHasOneItemPerQueueOrTheOneAskedFor() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            client.send("Action: QueueSummary", "ActionID: q1", "Queue: support");
            List<AmiMessage> frames = client.framesUntil(
                    frame -> frame.get("Event").orElse("").equals("QueueSummaryComplete"), Duration.ofSeconds(5));

            assertThat(frames.get(0).get("Message")).contains("Queue summary will follow");
            List<AmiMessage> items = frames.stream()
                    .filter(frame -> frame.get("Event").orElse("").equals("QueueSummary"))
                    .toList();
            assertThat(items).hasSize(1);
            AmiMessage support = items.get(0);
            assertThat(support.get("Queue")).contains("support");
            for (String field :
                    List.of("LoggedIn", "Available", "Callers", "HoldTime", "TalkTime", "LongestHoldTime")) {
                assertThat(support.get(field).orElseThrow()).as(field).matches("\\d+");
            }
            assertThat(frames.get(frames.size() - 1).get("ListItems")).contains("1");
        }
    }

    @Test
    void getvarAnswersAGlobalAndRefusesAChannelThatDoesNotExist() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            AmiMessage epoch = client.action("g1", "Action: Getvar", "Variable: EPOCH");
            assertThat(epoch.get("Response")).contains("Success");
            assertThat(epoch.get("Variable")).contains("EPOCH");
            assertThat(epoch.get("Value").orElseThrow()).matches("\\d{10}");

            AmiMessage none = client.action("g2", "Action: Getvar", "Channel: nosuch", "Variable: X");
            assertThat(none.get("Response")).contains("Error");
            assertThat(none.get("Message")).contains("No such channel");
        }
    }

    @Test
    void listCommandsNamesTheActionsWithTheirPrivileges() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            AmiMessage commands = client.action("l1", "Action: ListCommands");

            assertThat(commands.get("Response")).contains("Success");
            for (String action : List.of("CoreStatus", "Status", "QueueSummary", "Getvar", "Originate", "Command")) {
                assertThat(commands.get(action).orElseThrow()).as(action).contains("(Priv: ");
            }
        }
    }

    @Test
    void coreShowChannelsOnTheCliPrintsTheTableAndTheCounts() throws Exception {
        try (RawAmiClient client = RawAmiClient.loggedIn(port, settings)) {
            aCallInProgress(client);
            AmiMessage output = client.action("x1", "Action: Command", "Command: core show channels");

            assertThat(output.get("Response")).contains("Success");
            assertThat(output.get("Message")).contains("Command output follows");
            List<String> lines = output.getAll("Output");
            assertThat(lines.get(0)).startsWith("Channel").contains("Location", "State", "Application(Data)");
            assertThat(lines.get(lines.size() - 3)).matches("\\d+ active channels?");
            assertThat(lines.get(lines.size() - 2)).isEqualTo("1 active call");
            assertThat(lines.get(lines.size() - 1)).matches("\\d+ calls? processed");
            assertThat(lines.subList(1, lines.size() - 3))
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row).matches("\\S+\\s+\\S*@\\S*:\\d+\\s+\\S+.*"));
        }
    }
}
