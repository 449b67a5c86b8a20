package io.switchboard.demo;

import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.contact.Contacts;
import io.switchboard.directory.Directory;
import io.switchboard.knowledge.KnowledgeBase;
import io.switchboard.ticket.Escalations;
import io.switchboard.ticket.SupportTiers;
import io.switchboard.ticket.TicketActions;
import io.switchboard.ticket.Tickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    @Bean
    @ConditionalOnProperty(name = "switchboard.demo.seed", havingValue = "true")
    DemoData demoData(
            Directory directory,
            Contacts contacts,
            PasswordEncoder encoder,
            DemoProperties properties,
            Campaigns campaigns,
            LeadImports imports,
            Tickets tickets,
            TicketActions actions,
            Escalations escalations,
            SupportTiers tiers,
            JdbcTemplate jdbc,
            @Value("${switchboard.simulator.outbound.queue:campaign}") String campaignQueue) {
        return new DemoData(
                directory,
                contacts,
                encoder,
                properties,
                new DemoCampaign(campaigns, imports, campaignQueue),
                new DemoTickets(tickets, actions, escalations, tiers, contacts, jdbc));
    }

    /** Twenty published articles for the demo's queues, once the users are seeded. */
    @Bean
    @ConditionalOnProperty(name = "switchboard.demo.seed", havingValue = "true")
    DemoArticles demoArticles(KnowledgeBase knowledgeBase, Directory directory) {
        return new DemoArticles(knowledgeBase, directory);
    }
}
