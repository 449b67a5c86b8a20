package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.campaign.CampaignSettings;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.dnc.DncEntry;
import io.switchboard.campaign.dnc.DncKind;
import io.switchboard.campaign.dnc.DoNotCall;
import io.switchboard.contact.Contact;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.Visibility;
import io.switchboard.testing.Database;
import io.switchboard.testing.PostgresTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class AuditLogTest {

    @Autowired
    AuditLog audit;

    @Autowired
    Directory directory;

    @Autowired
    Contacts contacts;

    @Autowired
    Campaigns campaigns;

    @Autowired
    DoNotCall doNotCall;

    @Autowired
    JdbcTemplate jdbc;

    DirectoryUser admin;
    DirectoryUser manager;

    /** Each test's subjects carry their own marker: the log is append-only and so is never emptied. */
    String marker;

    @BeforeEach
    void users() {
        Database.clear(jdbc);
        admin = directory.add(new NewUser("audit-admin", null, Role.ADMIN, null, null));
        manager = directory.add(new NewUser("audit-manager", null, Role.CAMPAIGN_MANAGER, null, null));
        marker = UUID.randomUUID().toString();
    }

    @Test
    void aChangeIsStoredWithWhoWhenWhatBeforeAndAfter() {
        Instant before = Instant.now().minusSeconds(1);
        audit.record(admin.viewer(), "test.changed", "thing", marker, Map.of("name", "old"), Map.of("name", "new"));

        AuditEntry entry = onlyEntry(new AuditQuery(null, null, "thing", marker, null, null));
        assertThat(entry.actor()).isEqualTo("audit-admin");
        assertThat(entry.action()).isEqualTo("test.changed");
        assertThat(entry.at()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(entry.before()).isEqualTo("{\"name\":\"old\"}");
        assertThat(entry.after()).isEqualTo("{\"name\":\"new\"}");
    }

    @Test
    void entriesAreFilteredAndPagedNewestFirst() {
        for (int i = 0; i < 5; i++) {
            audit.record(admin.viewer(), "test.step", "paged", marker, null, Map.of("step", i));
        }
        audit.record(manager.viewer(), "test.step", "paged", marker, null, Map.of("step", 5));

        Page<AuditEntry> first =
                audit.find(new AuditQuery("audit-admin", null, "paged", marker, null, null), admin.viewer(), 0, 2);
        Page<AuditEntry> last =
                audit.find(new AuditQuery("audit-admin", null, "paged", marker, null, null), admin.viewer(), 2, 2);

        assertThat(first.getTotalElements()).isEqualTo(5);
        assertThat(first.getContent()).extracting(AuditEntry::after).containsExactly("{\"step\":4}", "{\"step\":3}");
        assertThat(last.getContent()).extracting(AuditEntry::after).containsExactly("{\"step\":0}");
        assertThat(audit.find(
                                new AuditQuery(
                                        null, null, null, marker, Instant.now().plusSeconds(60), null),
                                admin.viewer(),
                                0,
                                10)
                        .getContent())
                .isEmpty();
    }

    @Test
    void onlyAdminsReadTheLog() {
        assertThatThrownBy(() -> audit.find(AuditQuery.all(), manager.viewer(), 0, 10))
                .isInstanceOf(AuditAccessDeniedException.class);
        assertThatThrownBy(() -> audit.each(AuditQuery.all(), manager.viewer(), entry -> {}))
                .isInstanceOf(AuditAccessDeniedException.class);
    }

    @Test
    void postgresRefusesToUpdateOrDeleteAnEntry() {
        audit.record(admin.viewer(), "test.kept", "kept", marker, null, Map.of("kept", true));

        assertThatThrownBy(
                        () -> jdbc.update("update audit_log set actor = 'someone else' where subject_id = ?", marker))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_log where subject_id = ?", marker))
                .hasMessageContaining("append-only");
        assertThat(onlyEntry(new AuditQuery(null, null, "kept", marker, null, null))
                        .actor())
                .isEqualTo("audit-admin");
    }

    @Test
    void deletingAContactIsAudited() {
        Contact contact = contacts.create(new NewContact(
                "Deleted " + marker, null, null, null, null, Visibility.COMPANY, Set.of(), null, List.of()));

        contacts.delete(contact.id(), admin.viewer());

        AuditEntry entry = onlyEntry(new AuditQuery(
                null, "contact.deleted", "contact", String.valueOf(contact.id().value()), null, null));
        assertThat(entry.actor()).isEqualTo("audit-admin");
        assertThat(entry.before()).contains("Deleted " + marker);
        assertThat(entry.after()).isNull();
    }

    @Test
    void campaignSettingsChangesAndDoNotCallChangesAreAudited() {
        var campaign = campaigns.create(CampaignSettings.defaults("Audited " + marker, "sales"), manager.viewer());
        campaigns.update(campaign.id(), CampaignSettings.defaults("Renamed " + marker, "sales"), manager.viewer());
        campaigns.start(campaign.id(), manager.viewer());
        DncEntry entry = doNotCall.add(null, DncKind.PREFIX, "+1900", "premium", manager.viewer());
        doNotCall.remove(entry.id(), manager.viewer());

        List<AuditEntry> ofCampaign = new ArrayList<>();
        audit.each(
                new AuditQuery(null, null, "campaign", String.valueOf(campaign.id()), null, null),
                admin.viewer(),
                ofCampaign::add);
        assertThat(ofCampaign)
                .extracting(AuditEntry::action)
                .containsExactly("campaign.created", "campaign.updated", "campaign.status");
        assertThat(ofCampaign.get(1).before()).contains("Audited " + marker);
        assertThat(ofCampaign.get(1).after()).contains("Renamed " + marker);
        assertThat(ofCampaign.get(2).after()).contains("RUNNING");
        assertThat(ofCampaign).extracting(AuditEntry::actor).containsOnly("audit-manager");

        List<AuditEntry> ofDnc = new ArrayList<>();
        audit.each(
                new AuditQuery(null, null, "dnc", String.valueOf(entry.id()), null, null), admin.viewer(), ofDnc::add);
        assertThat(ofDnc).extracting(AuditEntry::action).containsExactly("dnc.added", "dnc.removed");
        assertThat(ofDnc.get(1).before()).contains("+1900");
    }

    private AuditEntry onlyEntry(AuditQuery query) {
        List<AuditEntry> entries = audit.find(query, admin.viewer(), 0, 10).getContent();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
