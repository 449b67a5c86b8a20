package io.switchboard.activity;

import static io.switchboard.activity.EndedCalls.NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.contact.ContactId;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.gateway.call.CallDirection;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallOutcome;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class ActivityRecorderTest {

    @Autowired
    CallEventBus bus;

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    Contacts contacts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ActivityHistory history;

    @Autowired
    SimpleMeterRegistry meters;

    DirectoryUser anna;
    ContactId ada;

    @BeforeEach
    void anAgentAndAKnownCustomer() {
        Database.clear(jdbc);
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, directory.team("Support"), "1001"));
        ada = contact("Ada Lovelace", "+49 30 1234567");
    }

    @Test
    void endedCallOnTheBusBecomesOneActivityWithContactAgentAndTimes() {
        bus.publish(EndedCalls.answered("1700000000.1", "+49301234567", "support", "1001", NOON));

        Map<String, Object> row = await().atMost(Duration.ofSeconds(10))
                .until(() -> rows("1700000000.1"), list -> list.size() == 1)
                .get(0);

        assertThat(row)
                .containsEntry("direction", "INBOUND")
                .containsEntry("outcome", "ANSWERED")
                .containsEntry("caller_number", "+49301234567")
                .containsEntry("contact_id", ada.value())
                .containsEntry("queue", "support")
                .containsEntry("agent_extension", "1001")
                .containsEntry("agent_id", anna.id().value())
                .containsEntry("team_id", anna.team().value())
                .containsEntry("wait_seconds", 20)
                .containsEntry("talk_seconds", 95)
                .containsEntry("hangup_cause", 16);
        assertThat(jdbc.queryForObject("select extract(epoch from started_at)::bigint from activities", Long.class))
                .isEqualTo(NOON.getEpochSecond());
    }

    @Test
    void theBusHandsAnEndedCallToTheRecordersBufferBeforePublishReturnsWithNoQueueOfItsOwn() {
        double before = deliveredToActivities();

        bus.publish(EndedCalls.answered("1700000000.11", "+49301234567", "support", "1001", NOON));

        // no waiting: the recorder is an inline subscriber, so the call is in its buffer (or written) already
        assertThat(deliveredToActivities() - before).isEqualTo(1);
        assertThat(meters.find("switchboard.calls.subscriber.depth")
                        .tag("subscriber", "activities")
                        .gauge())
                .as("no bus queue in front of the recorder's buffer")
                .isNull();
        awaitWritten(1);
    }

    private double deliveredToActivities() {
        Counter delivered = meters.find("switchboard.calls.subscriber.delivered")
                .tag("subscriber", "activities")
                .counter();
        return delivered == null ? 0 : delivered.count();
    }

    @Test
    void aTransferredCallIsOneActivityThatKeepsEachQueueAndAgentLeg() {
        CallEnded call = EndedCalls.transferred("1700000000.9", "+49301234567", NOON);

        recorder.record(call);
        recorder.record(call);
        awaitWritten(1);
        await().until(() -> recorder.pending() == 0);

        Activity activity = history.findByCallId("1700000000.9", anna.viewer()).orElseThrow();
        assertThat(activity.agentExtension()).isEqualTo("1004");
        assertThat(activity.path())
                .extracting(ActivityLeg::queue, ActivityLeg::agentExtension, ActivityLeg::transferred)
                .containsExactly(tuple("support", "1001", true), tuple("sales", "1004", false));
        assertThat(activity.path().get(0).endedAt()).isEqualTo(NOON.plusSeconds(50));
        assertThat(activity.path().get(1).answeredAt()).isEqualTo(NOON.plusSeconds(60));
        assertThat(history.find(ActivityQuery.all(), anna.viewer(), 0, 10).getContent())
                .filteredOn(a -> a.callId().equals("1700000000.9"))
                .singleElement()
                .satisfies(a -> assertThat(a.path()).hasSize(2));
        assertThat(Database.count(jdbc, "activity_legs")).isEqualTo(2);
        // the agent who transferred it on (1001, Anna) finds it among their calls, though 1004 had it last
        assertThat(history.find(ActivityQuery.ofAgent(anna.id()), anna.viewer(), 0, 10)
                        .getContent())
                .extracting(Activity::callId)
                .contains("1700000000.9");
    }

    @Test
    void anAgentSeesACallTheyTransferredOnEvenWithoutSeeingItsCustomer() {
        recorder.record(EndedCalls.transferred("1700000000.10", "+49309999999", NOON));
        awaitWritten(1);

        assertThat(history.findByCallId("1700000000.10", anna.viewer())).isPresent();
    }

    @Test
    void replayedOrDuplicatedEndWritesNothingNew() {
        double duplicatesBefore = counter("switchboard.activities.duplicates");
        CallEnded call = EndedCalls.answered("1700000000.2", "+49301234567", "support", "1001", NOON);

        recorder.record(call);
        awaitWritten(1);
        recorder.record(call);
        recorder.record(call);
        recorder.record(EndedCalls.abandoned("1700000000.2", "+49301234567", "support", "1001", NOON));
        recorder.record(EndedCalls.answered("1700000000.3", "+49301234567", "support", "1001", NOON));
        awaitWritten(2);
        await().until(() -> counter("switchboard.activities.duplicates") - duplicatesBefore == 3);

        assertThat(rows("1700000000.2"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("outcome", "ANSWERED"));
    }

    @Test
    void abandonedCallIsLoggedForTheAgentWhoWasRung() {
        recorder.record(EndedCalls.abandoned("1700000000.4", "+49301234567", "support", "1001", NOON));
        awaitWritten(1);

        assertThat(rows("1700000000.4"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("outcome", CallOutcome.ABANDONED.name())
                        .containsEntry("agent_id", anna.id().value())
                        .containsEntry("talk_seconds", 0)
                        .containsEntry("answered_at", null));
    }

    @Test
    void outboundCallIsMatchedByTheNumberDialled() {
        recorder.record(EndedCalls.outbound("1700000000.5", "1001", "0301234567", NOON));
        awaitWritten(1);

        assertThat(rows("1700000000.5"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("direction", CallDirection.OUTBOUND.name())
                        .containsEntry("callee_number", "0301234567")
                        .containsEntry("contact_id", ada.value())
                        .containsEntry("agent_id", anna.id().value()));
    }

    @Test
    void numberSharedByTwoContactsIsLeftForTheAgentToPick() {
        contact("Ada's assistant", "+49 30 1234567");

        recorder.record(EndedCalls.answered("1700000000.6", "+49301234567", "support", "1001", NOON));
        awaitWritten(1);

        assertThat(rows("1700000000.6").get(0)).containsEntry("contact_id", null);
    }

    @Test
    void aNumberThatOnlyLooselyMatchesIsNotLinked() {
        // the last eight digits agree with Ada's number: enough for a pop to offer her, not for the log to assume her
        recorder.record(EndedCalls.answered("1700000000.8", "+442001234567", "support", "1001", NOON));
        awaitWritten(1);

        assertThat(rows("1700000000.8").get(0)).containsEntry("contact_id", null);
    }

    @Test
    void unknownCallerAndUnknownExtensionAreKeptAsText() {
        recorder.record(EndedCalls.answered("1700000000.7", "+4940999999", "sales", "1999", NOON));
        awaitWritten(1);

        assertThat(rows("1700000000.7").get(0))
                .containsEntry("contact_id", null)
                .containsEntry("agent_id", null)
                .containsEntry("agent_extension", "1999")
                .containsEntry("caller_number", "+4940999999");
    }

    @Test
    void aBurstIsWrittenInBatchesWithoutLoss() {
        for (int i = 0; i < 2_000; i++) {
            recorder.record(EndedCalls.answered("burst." + i, "+49301234567", "support", "1001", NOON.plusSeconds(i)));
        }

        awaitWritten(2_000);
        assertThat(recorder.pending()).isZero();
    }

    private ContactId contact(String name, String phone) {
        return contacts.create(new NewContact(
                        name,
                        null,
                        null,
                        null,
                        null,
                        Visibility.COMPANY,
                        Set.of(),
                        null,
                        List.of(new NewPhone(PhoneType.WORK, phone))))
                .id();
    }

    private List<Map<String, Object>> rows(String callId) {
        return jdbc.queryForList("select * from activities where call_id = ?", callId);
    }

    private void awaitWritten(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Database.count(jdbc, "activities") == count);
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }
}
