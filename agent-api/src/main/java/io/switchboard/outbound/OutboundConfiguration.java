package io.switchboard.outbound;

import io.switchboard.campaign.CampaignReports;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.dialer.CampaignDialer;
import io.switchboard.desktop.Desktops;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

    @Bean
    CampaignBoard campaignBoard(
            CampaignReports reports,
            ObjectProvider<CampaignDialer> dialer,
            ObjectProvider<Clock> clock,
            @Value("${switchboard.campaigns.reporting-zone:UTC}") ZoneId zone) {
        return new CampaignBoard(reports, dialer, clock.getIfUnique(Clock::systemUTC), zone);
    }

    /** Live progress on the pages, whichever node's edge holds them. */
    @Bean(destroyMethod = "close")
    CampaignFeed campaignFeed(
            Campaigns campaigns, CampaignBoard board, Desktops desktops, ObjectProvider<CampaignDialer> dialer) {
        return new CampaignFeed(campaigns, board, desktops, dialer, 1000);
    }
}
