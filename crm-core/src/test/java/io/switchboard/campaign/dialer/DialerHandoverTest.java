package io.switchboard.campaign.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.campaign.CallWindow;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignReports;
import io.switchboard.campaign.CampaignSettings;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.LeadQueue;
import io.switchboard.campaign.OpenAttempts;
import io.switchboard.campaign.list.LeadColumns;
import io.switchboard.campaign.list.LeadImportOptions;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.AmiProperties;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.DialRequest;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.call.PbxNotOwnedException;
import io.switchboard.gateway.worker.Overflow;
import io.switchboard.lease.Lease;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.OutboundModel;
import io.switchboard.simulator.SimulatorSettings;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import io.switchboard.testing.TestClock;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The dialer when the dialing node stops, or its PBX cannot be asked, while a lead's call is being asked for (issue
 * 20): each window, made on purpose, against the AMI simulator over TCP on PostgreSQL. Every lead is dialled by the
 * PBX exactly once and keeps one attempt: a call that never reached the PBX is given back and dialled again, one that
 * did is never repeated. Campaigns allow one attempt per lead, so a lead ended without a call would stay undialled.
 */
@PostgresTest
class DialerHandoverTest {

    private static final int LEADS = 4;
    private static final Duration CONFIRM_WITHIN = Duration.ofSeconds(10);

    @Autowired
    Campaigns campaigns;

    @Autowired
    LeadQueue leads;

    @Autowired
    OpenAttempts open;

    @Autowired
    LeadImports imports;

    @Autowired
    CampaignReports reports;

    @Autowired
    Directory directory;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<String> dialled = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DirectoryUser manager;
    private AmiGateway gateway;
    private CallEventBus bus;
    private Campaign campaign;
    /** How long the simulated customers talk, in simulated seconds (a tenth of it in real time). */
    private int talkSeconds = 5;

    @BeforeEach
    void pbxAndCampaign() {
        Database.clear(jdbc);
        clock.set(Instant.now());
        manager = directory.add(new NewUser("manager", "Mia Manager", Role.CAMPAIGN_MANAGER, null, null));
        bus = new CallEventBus(registry);
        running.add(bus);
        bus.subscribe("dialled", queued(), CallEventHandlers.none().on(CallStarted.class, started -> {
            if (started.direction() == CallDirection.OUTBOUND) {
                dialled.add(started.callee());
            }
        }));
        campaign = campaign();
    }

    /**
     * Connects the gateway once the dialers listen, so the queue members' states of its first listing reach them
     * (the pacer's free agents), and starts them.
     */
    private void connectAndStart(CampaignDialer... dialers) {
        AmiSimulator simulator = new AmiSimulator(SimulatorSettings.defaults()
                .withTimeScale(10)
                .withOutbound(new OutboundModel(1.0, 0, 0, 0, 0, 2, talkSeconds, "campaign", LEADS)));
        int port = simulator.start();
        running.add(simulator);
        gateway = new AmiGateway(
                        AmiProperties.forLocal(port, "admin", "switchboard"),
                        CallTrackerSettings.defaults(),
                        bus,
                        registry)
                .start();
        running.add(gateway);
        for (CampaignDialer dialer : dialers) {
            dialer.start();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void leadsTheStoppedDialerClaimedButNeverAskedForAreDialledByTheNextAtOnce() {
        // a dialer claimed them (attempts made, leads dialling) and stopped before sending any originate
        assertThat(leads.claim(campaign.id(), LEADS, clock.instant())).hasSize(LEADS);

        connectAndStart(dialer("node-b", dial -> dial.send()));

        // at once, not after lost-after (15 min, the clock does not move)
        everyLeadDialledOnceAndAnswered();
    }

    @Test
    void dialsTheDeadDialerSentWithoutAnAnswerAreGivenBackWhenTheirCallNeverShowed() {
        // node A relays its dials to the link's owner, which never gets them (and never answers); then A dies
        AtomicInteger asked = new AtomicInteger();
        CampaignDialer first = dialer("node-a", dial -> {
            asked.incrementAndGet();
            return new CompletableFuture<>();
        });
        CampaignDialer second = dialer("node-b", dial -> dial.send());
        connectAndStart(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() == LEADS);
        first.halt();
        second.start();

        // B takes over once A's lease (15 s) expired: the dials A sent are older than confirm-within by then
        clock.advance(Duration.ofSeconds(16));
        await().atMost(Duration.ofSeconds(10)).until(second::dialing);
        everyLeadDialledOnceAndAnswered();
    }

    @Test
    void aDialTheLinksOwnerNeverAnsweredIsDialledAgainWhenItsCallNeverShowed() {
        AtomicInteger unanswered = new AtomicInteger(LEADS);
        CampaignDialer dialer = dialer(
                "node-a",
                dial -> unanswered.getAndDecrement() > 0
                        ? CompletableFuture.failedFuture(
                                new PbxNotOwnedException("default", "Originate", Duration.ofSeconds(7)))
                        : dial.send());
        connectAndStart(dialer);
        await().atMost(Duration.ofSeconds(10)).until(() -> unanswered.get() <= 0);
        waitRounds(dialer, 2);
        assertThat(dialled).as("nothing reached the PBX yet").isEmpty();

        clock.advance(CONFIRM_WITHIN.plusSeconds(1));
        everyLeadDialledOnceAndAnswered();
    }

    @Test
    void aDialWhoseAnswerWasLostIsNeverRepeatedAndEndsWithItsCallsOutcome() {
        AtomicInteger lost = new AtomicInteger(LEADS);
        CampaignDialer dialer = dialer("node-a", dial -> {
            CompletableFuture<String> sent = dial.send();
            if (lost.getAndDecrement() <= 0) {
                return sent;
            }
            // the PBX got it, its answer never came back
            return sent.thenCompose(actionId -> CompletableFuture.failedFuture(
                    new PbxCommandException("Originate got no response: the PBX link dropped")));
        });
        connectAndStart(dialer);
        everyLeadDialledOnceAndAnswered();

        // past confirm-within the dialer has looked at those attempts again: still one call each
        clock.advance(CONFIRM_WITHIN.plusSeconds(1));
        waitRounds(dialer, 3);
        assertThat(dialled).hasSize(LEADS);
        assertThat(attemptsPerLead()).containsOnly(1L);
    }

    @Test
    void dialsALinkRefusedToSendWhileItsNodeStoppedAreDialledAgain() {
        // a node stopping: its link is down and refuses, in AmiPbxCommands' words
        AmiGateway stopped = new AmiGateway(
                AmiProperties.forLocal(1, "admin", "switchboard"), CallTrackerSettings.defaults(), bus, registry);
        AtomicInteger refused = new AtomicInteger(LEADS);
        CampaignDialer dialer = dialer(
                "node-a",
                dial -> refused.getAndDecrement() > 0 ? stopped.commands().dial(dial.request()) : dial.send());
        connectAndStart(dialer);
        await().atMost(Duration.ofSeconds(10)).until(() -> refused.get() <= 0);
        waitRounds(dialer, 2);

        clock.advance(GiveBacks.NOT_SENT_PAUSE.plusSeconds(1));
        everyLeadDialledOnceAndAnswered();
    }

    @Test
    void aCallStillUpPastLostAfterIsNeitherEndedNorDialledAgain() {
        talkSeconds = 6000; // ten minutes of real time: still talking when the test ends
        List<String> talking = new CopyOnWriteArrayList<>();
        bus.subscribe("talking", queued(), CallEventHandlers.none().on(CallAnswered.class, answered -> {
            talking.add(answered.callId());
        }));
        CampaignDialer dialer = dialer("node-a", dial -> dial.send());
        connectAndStart(dialer);
        await().atMost(Duration.ofSeconds(30)).until(() -> talking.size() == LEADS);

        // a quarter of an hour on, the customers still talk to their agents: lost-after (15 min) is no reason to end
        // their attempts, or to dial them again
        clock.advance(Duration.ofMinutes(16));
        waitRounds(dialer, 3);
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead_attempts where campaign_id = ? and ended_at is null",
                        Long.class,
                        campaign.id().value()))
                .as("attempts open")
                .isEqualTo(LEADS);
        assertThat(dialled).hasSize(LEADS);
        assertThat(attemptsPerLead()).containsOnly(1L);
    }

    /** Every lead's number reached the PBX once, the call was answered, and the lead has one attempt. */
    private void everyLeadDialledOnceAndAnswered() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reports.progress(campaign.id(), clock.instant()).answeredToday() == LEADS);
        Map<String, Long> calls = dialled.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        assertThat(calls)
                .as("calls per number")
                .hasSize(LEADS)
                .allSatisfy((number, count) -> assertThat(count).isEqualTo(1));
        assertThat(attemptsPerLead()).as("attempts per lead").hasSize(LEADS).containsOnly(1L);
        assertThat(jdbc.queryForList(
                        "select outcome from lead_attempts where campaign_id = ?",
                        String.class,
                        campaign.id().value()))
                .containsOnly("HUMAN_ANSWERED");
    }

    private List<Long> attemptsPerLead() {
        return jdbc.queryForList(
                "select (select count(*) from lead_attempts a where a.lead_id = l.id) from leads l where campaign_id = ?",
                Long.class,
                campaign.id().value());
    }

    private static void waitRounds(CampaignDialer dialer, int rounds) {
        long before = dialer.rounds();
        await().atMost(Duration.ofSeconds(10)).until(() -> dialer.rounds() >= before + rounds);
    }

    /** One customer-first dial as the dialer asks for it; {@link #send} asks the PBX for real. */
    private record Dial(DialRequest request, PbxCommands pbx) {
        CompletableFuture<String> send() {
            return pbx.dial(request);
        }
    }

    /**
     * A dialer, listening but not started, whose customer-first dials go through {@code dials} (each may reach the
     * PBX, or not).
     */
    private CampaignDialer dialer(String node, Function<Dial, CompletableFuture<String>> dials) {
        PbxCommands scripted = (PbxCommands) java.lang.reflect.Proxy.newProxyInstance(
                PbxCommands.class.getClassLoader(), new Class<?>[] {PbxCommands.class}, (proxy, method, args) -> {
                    if (method.getName().equals("dial")) {
                        return dials.apply(new Dial((DialRequest) args[0], gateway.commands()));
                    }
                    return method.invoke(gateway.commands(), args);
                });
        CampaignDialer dialer = new CampaignDialer(
                new DialerPorts(
                        campaigns,
                        leads,
                        open,
                        reports,
                        new Lease(named, clock, Lease.DIALER),
                        () -> new OnePbx(() -> scripted)),
                new DialerProperties(
                        true,
                        Duration.ofMillis(50),
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(3),
                        "campaign-connect",
                        Duration.ZERO,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(15),
                        CONFIRM_WITHIN),
                "AMDSTATUS",
                new DialerNode(node, clock, ZoneOffset.UTC, new SimpleMeterRegistry()));
        bus.subscribe("dialer-" + node, queued(), dialer.handlers());
        bus.subscribe("attempt-ends-" + node, queued(), dialer.attemptEnds());
        running.add(dialer);
        return dialer;
    }

    /** A running progressive campaign of {@link #LEADS} Berlin leads, one attempt each. */
    private Campaign campaign() {
        CampaignSettings settings = CampaignSettings.defaults("Handover", "campaign")
                .withDialMode(DialMode.PROGRESSIVE)
                .withMaxAttempts(1)
                .withCallerId("+4930555000")
                .withCallWindow(new CallWindow(List.of("MON-SUN 00:00-24:00"), List.of()));
        Campaign created = campaigns.create(settings, manager.viewer());
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 1; i <= LEADS; i++) {
            csv.append(String.format("+4930555%04d,Lead %d%n", i, i));
        }
        imports.importCsv(
                created.id(),
                "leads.csv",
                new StringReader(csv.toString()),
                LeadImportOptions.of(LeadColumns.of("number", "name")),
                manager.viewer());
        return campaigns.start(created.id(), manager.viewer());
    }

    private static CallEventDelivery queued() {
        return CallEventDelivery.queued(10_000, Overflow.DROP_NEWEST);
    }
}
