package io.switchboard.demo;

import io.switchboard.campaign.CallWindow;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignSettings;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.list.LeadColumns;
import io.switchboard.campaign.list.LeadImportOptions;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.UserId;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A running predictive campaign for the demo, on the simulator's campaign queue (whose simulated agents take the
 * answered calls), so a newcomer sees the dialer pace calls within a minute. It may call at any hour: the demo's
 * customers are simulated.
 */
final class DemoCampaign {

    private static final String[] PLANS = {"gold", "silver", "bronze"};

    private final Campaigns campaigns;
    private final LeadImports imports;
    private final String queue;

    DemoCampaign(Campaigns campaigns, LeadImports imports, String queue) {
        this.campaigns = campaigns;
        this.imports = imports;
        this.queue = queue;
    }

    void seed(DirectoryUser manager, List<UserId> agents, int leads) {
        if (leads <= 0) {
            return;
        }
        Campaign campaign = campaigns.create(
                CampaignSettings.defaults("Winter offer (demo)", queue)
                        .withDialMode(DialMode.PREDICTIVE)
                        .withCallerId("+4930555000")
                        .withAgents(new LinkedHashSet<>(agents))
                        .withCallWindow(new CallWindow(List.of("MON-SUN 00:00-24:00"), List.of())),
                manager.viewer());
        StringBuilder csv = new StringBuilder("number,name,plan\n");
        for (int i = 0; i < leads; i++) {
            csv.append("+49 40 ")
                    .append(7000000 + i)
                    .append(",Demo Lead ")
                    .append(i + 1)
                    .append(',')
                    .append(PLANS[i % PLANS.length])
                    .append('\n');
        }
        imports.importCsv(
                campaign.id(),
                "demo-leads.csv",
                new StringReader(csv.toString()),
                LeadImportOptions.of(LeadColumns.of("number", "name")),
                manager.viewer());
        campaigns.start(campaign.id(), manager.viewer());
    }
}
