package io.switchboard.outbound;

import io.switchboard.campaign.CampaignReports;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.dialer.CampaignDialer;
import io.switchboard.gateway.edge.CtiEdge;
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

    @Bean
    PreviewDesk previewDesk(ObjectProvider<Clock> clock) {
        return new PreviewDesk(clock.getIfUnique(Clock::systemUTC));
    }

    /** Live progress on the pages, when the CTI edge runs. */
    @Bean(destroyMethod = "close")
    CampaignFeed campaignFeed(Campaigns campaigns, CampaignBoard board, ObjectProvider<CtiEdge> edge) {
        CtiEdge cti = edge.getIfAvailable();
        return cti == null ? null : new CampaignFeed(campaigns, board, cti, 1000);
    }
}
