package io.switchboard.activity;

import static io.switchboard.activity.EndedCalls.NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.contact.CallerContexts;
import io.switchboard.contact.ContactId;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.RecentActivity;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who sees which calls and who may close them, and how the history pages. Four calls: Anna's with the
 * company-wide customer Zed, Bob's with an unknown caller (both Support), Carl's with his private contact Ada and
 * Carl's with Zed (Sales).
 */
@PostgresTest
class ActivityHistoryTest {

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    ActivityHistory history;

    @Autowired
    ActivityDispositions dispositions;

    @Autowired
    CallerContexts callerContexts;

    @Autowired
    Contacts contacts;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    Viewer anna;
    Viewer bob;
    Viewer sue;
    Viewer carl;
    Viewer admin;
    Viewer campaignManager;
    ContactId zed;
    ContactId ada;

    @BeforeEach
    void twoTeamsAndFourCalls() {
        Database.clear(jdbc);
        TeamId support = directory.team("Support");
        TeamId sales = directory.team("Sales");
        anna = user("anna", Role.AGENT, support, "1001").viewer();
        bob = user("bob", Role.AGENT, support, "1002").viewer();
        sue = user("sue", Role.SUPERVISOR, support, "1090").viewer();
        DirectoryUser carlUser = user("carl", Role.AGENT, sales, "2001");
        carl = carlUser.viewer();
        admin = user("root", Role.ADMIN, null, null).viewer();
        campaignManager = user("max", Role.CAMPAIGN_MANAGER, null, null).viewer();
        zed = contact("Zed", "+49 30 2222222", null, null, Visibility.COMPANY);
        ada = contact("Ada", "+49 30 1111111", carlUser, sales, Visibility.PRIVATE);

        record(EndedCalls.answered("anna-zed", "+49302222222", "support", "1001", NOON));
        record(EndedCalls.answered("bob-unknown", "+4940555555", "support", "1002", NOON.plusSeconds(60)));
        record(EndedCalls.answered("carl-ada", "+49301111111", "sales", "2001", NOON.plusSeconds(120)));
        record(EndedCalls.answered("carl-zed", "+49302222222", "sales", "2001", NOON.plusSeconds(180)));
        await().atMost(Duration.ofSeconds(10)).until(() -> Database.count(jdbc, "activities") == 4);
    }

    @Test
    void agentSeesOwnCallsAndTheCallsOfContactsTheyMaySee() {
        assertThat(callIds(anna)).containsExactly("carl-zed", "anna-zed");
        assertThat(callIds(bob)).containsExactly("carl-zed", "bob-unknown", "anna-zed");
        assertThat(callIds(carl)).containsExactly("carl-zed", "carl-ada", "anna-zed");
    }

    @Test
    void supervisorSeesTheTeamsCallsAndAdminAndCampaignManagerSeeAll() {
        assertThat(callIds(sue)).containsExactly("carl-zed", "bob-unknown", "anna-zed");
        assertThat(callIds(admin)).hasSize(4);
        assertThat(callIds(campaignManager)).hasSize(4);
    }

    @Test
    void anActivityOutOfSightIsNotFound() {
        ActivityId carlAda = idOf("carl-ada");

        assertThat(history.find(carlAda, anna)).isEmpty();
        assertThat(history.find(carlAda, carl)).isPresent();
        assertThatThrownBy(() -> dispositions.dispose(carlAda, Disposition.of("RESOLVED", null), anna))
                .isInstanceOf(ActivityNotFoundException.class);
    }

    @Test
    void agentClosesOwnCallWithDispositionNotesAndContact() {
        ContactId other = contact("Zed's colleague", "+49 30 3333333", null, null, Visibility.COMPANY);

        Activity closed = dispositions.dispose(
                idOf("anna-zed"), new Disposition("callback", "wants a quote by Friday", other, 0L), anna);

        assertThat(closed.disposition()).isEqualTo("CALLBACK");
        assertThat(closed.notes()).isEqualTo("wants a quote by Friday");
        assertThat(closed.contact()).isEqualTo(other);
        assertThat(closed.contactName()).isEqualTo("Zed's colleague");
        assertThat(closed.disposedBy()).isEqualTo(anna.user());
        assertThat(closed.disposedAt()).isNotNull();
        assertThat(closed.version()).isEqualTo(1);
    }

    @Test
    void onlyTheAgentTheirSupervisorOrAnAdminMayCloseACall() {
        assertThatThrownBy(() -> dispositions.dispose(idOf("carl-zed"), Disposition.of("RESOLVED", null), anna))
                .isInstanceOf(ActivityAccessDeniedException.class);
        assertThatThrownBy(() -> dispositions.dispose(idOf("anna-zed"), Disposition.of("RESOLVED", null), bob))
                .isInstanceOf(ActivityAccessDeniedException.class);
        assertThatThrownBy(
                        () -> dispositions.dispose(idOf("anna-zed"), Disposition.of("RESOLVED", null), campaignManager))
                .isInstanceOf(ActivityAccessDeniedException.class);
        assertThatThrownBy(() -> dispositions.dispose(idOf("carl-zed"), Disposition.of("RESOLVED", null), sue))
                .isInstanceOf(ActivityAccessDeniedException.class);

        assertThat(dispositions
                        .dispose(idOf("bob-unknown"), Disposition.of("RESOLVED", null), sue)
                        .disposition())
                .isEqualTo("RESOLVED");
        assertThat(dispositions
                        .dispose(idOf("carl-ada"), Disposition.of("SALE", null), admin)
                        .disposition())
                .isEqualTo("SALE");
    }

    @Test
    void badDispositionsNameTheFieldToCorrect() {
        ActivityId call = idOf("anna-zed");

        assertThatThrownBy(() -> dispositions.dispose(call, Disposition.of("MAYBE", null), anna))
                .isInstanceOfSatisfying(
                        InvalidDispositionException.class,
                        e -> assertThat(e.field()).isEqualTo("code"));
        assertThatThrownBy(() -> dispositions.dispose(call, Disposition.of(" ", null), anna))
                .isInstanceOfSatisfying(
                        InvalidDispositionException.class,
                        e -> assertThat(e.field()).isEqualTo("code"));
        assertThatThrownBy(() -> dispositions.dispose(call, Disposition.of("RESOLVED", "x".repeat(4_001)), anna))
                .isInstanceOfSatisfying(
                        InvalidDispositionException.class,
                        e -> assertThat(e.field()).isEqualTo("notes"));
        assertThatThrownBy(() -> dispositions.dispose(call, new Disposition("RESOLVED", null, ada, null), anna))
                .isInstanceOfSatisfying(
                        InvalidDispositionException.class,
                        e -> assertThat(e.field()).isEqualTo("contact"));
        assertThat(history.find(call, anna).orElseThrow().disposition()).isNull();
    }

    @Test
    void aStaleEditIsRefusedInsteadOfOverwritingAnotherOne() {
        ActivityId call = idOf("bob-unknown");
        dispositions.dispose(call, new Disposition("CALLBACK", "by Bob", null, 0L), bob);

        assertThatThrownBy(() -> dispositions.dispose(call, new Disposition("RESOLVED", "by Sue", null, 0L), sue))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(history.find(call, sue).orElseThrow().notes()).isEqualTo("by Bob");
    }

    @Test
    void historyPagesNewestFirstAndFiltersByContactAgentQueueAndTime() {
        for (int i = 0; i < 25; i++) {
            record(EndedCalls.answered("anna-" + i, "+4940555555", "billing", "1001", NOON.plusSeconds(3_600 + i)));
        }
        await().until(() -> Database.count(jdbc, "activities") == 29);

        Page<Activity> first = history.find(ActivityQuery.ofAgent(anna.user()), anna, 0, 10);
        Page<Activity> last = history.find(ActivityQuery.ofAgent(anna.user()), anna, 2, 10);
        assertThat(first.getTotalElements()).isEqualTo(26);
        assertThat(first.getContent()).extracting(Activity::callId).startsWith("anna-24", "anna-23");
        assertThat(last.getContent()).extracting(Activity::callId).endsWith("anna-0", "anna-zed");

        assertThat(history.find(ActivityQuery.ofQueue("billing"), admin, 0, 100).getTotalElements())
                .isEqualTo(25);
        assertThat(history.find(ActivityQuery.ofContact(zed), admin, 0, 100).getContent())
                .extracting(Activity::callId)
                .containsExactly("carl-zed", "anna-zed");
        assertThat(history.find(ActivityQuery.all().between(NOON.plusSeconds(60), NOON.plusSeconds(180)), admin, 0, 100)
                        .getContent())
                .extracting(Activity::callId)
                .containsExactly("carl-ada", "bob-unknown");
    }

    @Test
    void popShowsTheCallersLatestCallsWithTheirDisposition() {
        dispositions.dispose(idOf("anna-zed"), Disposition.of("CALLBACK", "send the brochure"), anna);

        List<RecentActivity> recent =
                callerContexts.contextFor("+49302222222", anna).recentActivities();

        assertThat(recent).extracting(RecentActivity::agent).containsExactly("2001", "1001");
        assertThat(recent.get(1).kind()).isEqualTo("INBOUND_CALL");
        assertThat(recent.get(1).summary()).isEqualTo("answered, 95 s, CALLBACK: send the brochure");
    }

    private List<String> callIds(Viewer viewer) {
        return history.find(ActivityQuery.all(), viewer, 0, 100).getContent().stream()
                .map(Activity::callId)
                .toList();
    }

    private ActivityId idOf(String callId) {
        return history.findByCallId(callId, admin).orElseThrow().id();
    }

    private void record(io.switchboard.gateway.call.CallEvent.CallEnded call) {
        assertThat(recorder.record(call)).isTrue();
    }

    private DirectoryUser user(String name, Role role, TeamId team, String extension) {
        return directory.add(new NewUser(name, name, role, team, extension));
    }

    private ContactId contact(String name, String phone, DirectoryUser owner, TeamId team, Visibility visibility) {
        return contacts.create(new NewContact(
                        name,
                        null,
                        null,
                        owner == null ? null : owner.id(),
                        team,
                        visibility,
                        Set.of(),
                        null,
                        List.of(new NewPhone(PhoneType.WORK, phone))))
                .id();
    }
}
