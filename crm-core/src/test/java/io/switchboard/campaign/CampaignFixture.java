package io.switchboard.campaign;

import io.switchboard.campaign.list.LeadColumns;
import io.switchboard.campaign.list.LeadImport;
import io.switchboard.campaign.list.LeadImportOptions;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import java.io.StringReader;
import java.util.Set;

/** Users, campaigns and lists the campaign tests share. */
final class CampaignFixture {

    final DirectoryUser manager;
    final DirectoryUser anna;
    final DirectoryUser bob;
    final DirectoryUser supervisor;

    CampaignFixture(Directory directory) {
        manager = directory.add(new NewUser("manager", "Mia Manager", Role.CAMPAIGN_MANAGER, null, null));
        anna = directory.add(new NewUser("anna", "Anna", Role.AGENT, null, "1001"));
        bob = directory.add(new NewUser("bob", "Bob", Role.AGENT, null, "1002"));
        supervisor = directory.add(new NewUser("sue", "Sue", Role.SUPERVISOR, null, null));
    }

    Viewer managerView() {
        return manager.viewer();
    }

    /** A running progressive campaign with Anna and Bob. */
    Campaign running(Campaigns campaigns, CampaignSettings settings) {
        Campaign campaign = campaigns.create(settings.withAgents(Set.of(anna.id(), bob.id())), manager.viewer());
        return campaigns.start(campaign.id(), manager.viewer());
    }

    /** Imports {@code number,name,tz} rows (tz may be empty). */
    LeadImport importLeads(LeadImports imports, CampaignId campaignId, String rows) {
        return imports.importCsv(
                campaignId,
                "test.csv",
                new StringReader("number,name,tz\n" + rows),
                LeadImportOptions.of(LeadColumns.of("number", "name").withTimezone("tz")),
                manager.viewer());
    }
}
