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
import io.switchboard.campaign.dnc.DncKind;
import io.switchboard.campaign.dnc.DoNotCall;
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
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallEventDelivery;
import io.switchboard.gateway.call.CallEventHandlers;
import io.switchboard.gateway.call.CallTrackerSettings;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The dialer against the AMI simulator over a real TCP connection and a real PostgreSQL: leads are claimed,
 * dialled customer first, and their outcomes come back from the PBX's events into the lead queue.
 */
@PostgresTest
class CampaignDialerTest {

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
    DoNotCall doNotCall;

    @Autowired
    Directory directory;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private DirectoryUser manager;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private AmiSimulator simulator;
    private int port;
    private AmiGateway gateway;
    private CallEventBus bus;

    @BeforeEach
    void clean() {
        Database.clear(jdbc);
        // the PBX stamps its events with the real time, so the campaign's day must be the real one too
        clock.set(Instant.now());
        manager = directory.add(new NewUser("manager", "Mia Manager", Role.CAMPAIGN_MANAGER, null, null));
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void progressiveNeverHasMoreCallsThanFreeAgentsAndEveryLeadIsAnswered() {
        startPbx(new OutboundModel(1.0, 0, 0, 0, 0, 2, 20, "campaign", 3));
        Campaign campaign = campaign(DialMode.PROGRESSIVE, 20);
        AtomicInteger most = mostConcurrentCalls();

        startDialer("node-a");
        connect();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> reports.progress(campaign.id(), clock.instant()).answeredToday() == 20);
        assertThat(most.get()).as("calls at once, with 3 agents").isBetween(1, 3);
        assertThat(reports.progress(campaign.id(), clock.instant()).abandonedToday())
                .isZero();
        assertThat(outcomes(campaign)).containsOnly("HUMAN_ANSWERED").hasSize(20);
        assertThat(events.stream()
                        .filter(CallEnded.class::isInstance)
                        .map(CallEnded.class::cast)
                        .filter(ended -> ended.direction() == CallDirection.OUTBOUND))
                .as("every call reached one of the campaign's agents")
                .allSatisfy(ended -> assertThat(ended.answeredBy()).startsWith("300"));
    }

    @Test
    void busyAndUnansweredLinesAreRecordedAndWaitForTheirRetry() {
        startPbx(new OutboundModel(0, 0, 0.5, 0.5, 0, 2, 20, "campaign", 2));
        Campaign campaign = campaign(DialMode.PROGRESSIVE, 6);

        startDialer("node-a");
        connect();

        await().atMost(Duration.ofSeconds(60)).until(() -> outcomes(campaign).size() == 6);
        // half busy, half unanswered, drawn at random by the simulator: each is one or the other
        assertThat(outcomes(campaign)).isSubsetOf("BUSY", "NO_ANSWER");
        // nothing is due again until the retry delays pass (busy 10 min, no answer 2 h)
        assertThat(leads.claim(campaign.id(), 10, clock.instant())).isEmpty();
        assertThat(outcomes(campaign)).hasSize(6);
    }

    @Test
    void aNumberOnTheDoNotCallListIsNeverDialled() {
        startPbx(new OutboundModel(1.0, 0, 0, 0, 0, 2, 5, "campaign", 2));
        Campaign campaign = campaign(DialMode.PROGRESSIVE, 4);
        doNotCall.add(null, DncKind.NUMBER, "+49305550002", "asked not to be called", manager.viewer());
        List<String> dialled = new CopyOnWriteArrayList<>();
        bus.subscribe("dialled", queued(1000), CallEventHandlers.none().on(CallStarted.class, started -> {
            if (started.direction() == CallDirection.OUTBOUND) {
                dialled.add(started.callee());
            }
        }));

        startDialer("node-a");
        connect();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> reports.progress(campaign.id(), clock.instant()).answeredToday() == 3);
        assertThat(dialled).hasSize(3).noneMatch(number -> number.endsWith("5550002"));
    }

    @Test
    void anotherNodeTakesOverWhenTheDialingNodeStopsRenewingItsLease() {
        startPbx(new OutboundModel(1.0, 0, 0, 0, 0, 2, 5, "campaign", 2));
        Campaign campaign = campaign(DialMode.PROGRESSIVE, 6);
        CampaignDialer first = startDialer("node-a");
        CampaignDialer second = startDialer("node-b");
        connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.dialing() || second.dialing());
        CampaignDialer leader = first.dialing() ? first : second;
        CampaignDialer standby = leader == first ? second : first;
        assertThat(standby.dialing()).isFalse();

        // the leader dies without releasing its lease: the standby waits for it to expire, then dials
        leader.halt();
        clock.set(clock.instant().plus(Duration.ofSeconds(10)));
        // a round may have read the clock before it moved: the second one from now has surely seen the new time
        long roundsBefore = standby.rounds();
        await().atMost(Duration.ofSeconds(10)).until(() -> standby.rounds() >= roundsBefore + 2);
        assertThat(standby.dialing()).as("the lease has not expired yet").isFalse();
        // a quarter of an hour later the dead node's unfinished attempts are released and dialled again
        clock.set(clock.instant().plus(Duration.ofMinutes(16)));

        await().atMost(Duration.ofSeconds(10)).until(standby::dialing);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> reports.progress(campaign.id(), clock.instant()).answeredToday() == 6);
    }

    @Test
    void aPreviewDialWithoutAPbxFailsAtOnceAndEndsTheAttempt() throws Exception {
        DirectoryUser agent = directory.add(new NewUser("preview-agent", "Pia Preview", Role.AGENT, null, "2042"));
        Campaign draft = campaigns.create(
                CampaignSettings.defaults("Preview without PBX", "campaign")
                        .withDialMode(DialMode.PREVIEW)
                        .withAgents(java.util.Set.of(agent.id()))
                        .withCallWindow(new CallWindow(List.of("MON-SUN 00:00-24:00"), List.of())),
                manager.viewer());
        imports.importCsv(
                draft.id(),
                "one.csv",
                new StringReader("number,name\n+49305550042,Lead\n"),
                LeadImportOptions.of(LeadColumns.of("number", "name")),
                manager.viewer());
        campaigns.start(draft.id(), manager.viewer());
        var lead =
                leads.claimPreview(draft.id(), agent.viewer(), clock.instant()).orElseThrow();
        CampaignDialer dialer = new CampaignDialer(
                new DialerPorts(
                        campaigns,
                        leads,
                        open,
                        reports,
                        new Lease(named, clock, Lease.DIALER),
                        () -> new OnePbx(() -> {
                            throw new io.switchboard.gateway.call.PbxCommandException("No PBX is connected");
                        })),
                properties(),
                "AMDSTATUS",
                new DialerNode("node-p", clock, ZoneOffset.UTC, new SimpleMeterRegistry()));
        running.add(dialer);
        dialer.start();

        var placed = dialer.dialPreview(
                campaigns.get(draft.id(), manager.viewer()), lead.attemptId(), agent.id(), "default", "2042");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> placed.get(5, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(io.switchboard.gateway.call.PbxCommandException.class);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "FAILED"
                        .equals(jdbc.queryForObject(
                                "select outcome from lead_attempts where id = ?",
                                String.class,
                                lead.attemptId().value())));
    }

    /** The simulated PBX and the call event bus; {@link #connect} links the gateway once the listeners are on. */
    private void startPbx(OutboundModel model) {
        simulator =
                new AmiSimulator(SimulatorSettings.defaults().withTimeScale(10).withOutbound(model));
        port = simulator.start();
        running.add(simulator);
        bus = new CallEventBus(registry);
        running.add(bus);
        bus.subscribe("test", queued(10_000), CallEventHandlers.none().on(CallEvent.class, events::add));
    }

    /** Connects the gateway: the queue members' states of the first listing reach every listener. */
    private void connect() {
        gateway = new AmiGateway(
                        AmiProperties.forLocal(port, "admin", "switchboard"),
                        CallTrackerSettings.defaults(),
                        bus,
                        registry)
                .start();
        running.add(gateway);
    }

    /** Rounds every 50 ms, a 15 s lease, 3 s of ringing, no wrap-up. */
    private static DialerProperties properties() {
        return new DialerProperties(
                true,
                Duration.ofMillis(50),
                Duration.ofSeconds(15),
                Duration.ofSeconds(3),
                "campaign-connect",
                Duration.ZERO,
                Duration.ofMinutes(10),
                Duration.ofMinutes(15),
                Duration.ofSeconds(10));
    }

    private CampaignDialer startDialer(String node) {
        CampaignDialer dialer = new CampaignDialer(
                new DialerPorts(
                        campaigns,
                        leads,
                        open,
                        reports,
                        new Lease(named, clock, Lease.DIALER),
                        () -> new OnePbx(gateway::commands)),
                properties(),
                "AMDSTATUS",
                new DialerNode(node, clock, ZoneOffset.UTC, new SimpleMeterRegistry()));
        bus.subscribe("dialer-" + node, queued(10_000), dialer.handlers());
        bus.subscribe("attempt-ends-" + node, queued(10_000), dialer.attemptEnds());
        dialer.start();
        running.add(dialer);
        return dialer;
    }

    /** A running campaign on the simulator's {@code campaign} queue with {@code count} Berlin leads. */
    private Campaign campaign(DialMode mode, int count) {
        CampaignSettings settings = CampaignSettings.defaults("Winter offer", "campaign")
                .withDialMode(mode)
                .withCallerId("+4930555000")
                .withCallWindow(new CallWindow(List.of("MON-SUN 00:00-24:00"), List.of()));
        Campaign campaign = campaigns.create(settings, manager.viewer());
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 1; i <= count; i++) {
            csv.append(String.format("+4930555%04d,Lead %d%n", i, i));
        }
        imports.importCsv(
                campaign.id(),
                "leads.csv",
                new StringReader(csv.toString()),
                LeadImportOptions.of(LeadColumns.of("number", "name")),
                manager.viewer());
        return campaigns.start(campaign.id(), manager.viewer());
    }

    private static CallEventDelivery queued(int capacity) {
        return CallEventDelivery.queued(capacity, Overflow.DROP_NEWEST);
    }

    /** The most outbound calls in progress on the PBX at once, counted from the call events. */
    private AtomicInteger mostConcurrentCalls() {
        AtomicInteger most = new AtomicInteger();
        int[] now = {0};
        bus.subscribe(
                "concurrent",
                queued(10_000),
                CallEventHandlers.none()
                        .on(CallStarted.class, started -> {
                            if (started.direction() == CallDirection.OUTBOUND) {
                                most.accumulateAndGet(++now[0], Math::max);
                            }
                        })
                        .on(CallEnded.class, ended -> {
                            if (ended.direction() == CallDirection.OUTBOUND) {
                                now[0]--;
                            }
                        }));
        return most;
    }

    private List<String> outcomes(Campaign campaign) {
        return jdbc.queryForList(
                "select outcome from lead_attempts where campaign_id = ? and outcome is not null",
                String.class,
                campaign.id().value());
    }
}
