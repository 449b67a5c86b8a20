package io.switchboard.ticket;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.switchboard.activity.ActivityHistory;
import io.switchboard.contact.CallerContextContributor;
import io.switchboard.contact.Contacts;
import io.switchboard.directory.AuditLog;
import io.switchboard.directory.Directory;
import io.switchboard.ticket.TicketProperties.TierProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ticket package's beans. Time comes from the application's {@link Clock} bean when it has exactly one (tests
 * set the time), else the system clock in UTC.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketProperties.class)
public class TicketConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TicketConfiguration.class);

    @Bean
    TicketMetrics ticketMetrics(ObjectProvider<MeterRegistry> meters) {
        return new TicketMetrics(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    SlaPolicies slaPolicies(TicketProperties properties) {
        return new SlaPolicies(properties.sla(), properties.calendars());
    }

    @Bean
    TicketStore ticketStore(NamedParameterJdbcTemplate jdbc) {
        return new TicketStore(jdbc);
    }

    @Bean
    TicketSearch ticketSearch(NamedParameterJdbcTemplate jdbc, TicketStore store) {
        return new TicketSearch(jdbc, store);
    }

    @Bean
    SupportTiers supportTiers(
            TicketProperties properties,
            NamedParameterJdbcTemplate jdbc,
            Directory directory,
            ObjectProvider<Clock> clock) {
        List<Tier> tiers = new ArrayList<>();
        for (TierProperties tier : properties.tiers()) {
            tiers.add(new Tier(tier.name(), tiers.size() + 1, tier.assignment(), true, null, tier.email()));
        }
        return new SupportTiers(tiers, jdbc, directory, clock(clock), properties.tierRefresh());
    }

    @Bean
    TicketChanger ticketChanger(
            TicketStore store,
            SlaPolicies policies,
            PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock,
            SupportTiers tiers,
            ApplicationEventPublisher events) {
        return new TicketChanger(
                store, policies, new TransactionTemplate(transactionManager), clock(clock), tiers, events);
    }

    @Bean
    TierAdministration tierAdministration(
            NamedParameterJdbcTemplate jdbc,
            SupportTiers tiers,
            SlaPolicies policies,
            AuditLog audit,
            PlatformTransactionManager transactionManager) {
        return new TierAdministration(jdbc, tiers, policies, audit, new TransactionTemplate(transactionManager));
    }

    @Bean
    TicketCategories ticketCategories(TicketProperties properties) {
        return new TicketCategories(properties.categories());
    }

    @Bean
    Tickets tickets(
            TicketStore store,
            TicketSearch search,
            TicketChanger changer,
            SlaPolicies policies,
            SupportTiers tiers,
            Contacts contacts,
            ActivityHistory activities,
            PlatformTransactionManager transactionManager,
            TicketMetrics metrics,
            TicketProperties properties,
            TicketCategories categories) {
        return new Tickets(
                store,
                search,
                changer,
                policies,
                tiers,
                contacts,
                activities,
                new TransactionTemplate(transactionManager),
                metrics,
                properties.maxPageSize(),
                categories);
    }

    @Bean
    TicketActions ticketActions(
            TicketChanger changer,
            SlaPolicies policies,
            SupportTiers tiers,
            Contacts contacts,
            ActivityHistory activities,
            TicketCategories categories) {
        return new TicketActions(changer, policies, tiers, contacts, activities, categories);
    }

    @Bean
    Escalations escalations(
            TicketStore store,
            TicketChanger changer,
            SupportTiers tiers,
            Directory directory,
            ObjectProvider<EscalationNotifier> notifiers,
            PlatformTransactionManager transactionManager,
            TicketMetrics metrics,
            TicketProperties properties,
            SlaPolicies policies) {
        return new Escalations(
                store,
                changer,
                tiers,
                new Escalator(tiers, policies, metrics),
                new EscalationNotifications(
                        tiers, directory, notifiers.orderedStream().toList(), metrics),
                new TransactionTemplate(transactionManager),
                metrics,
                properties.scheduler().batchSize());
    }

    @Bean
    TicketWorkbench ticketWorkbench(
            NamedParameterJdbcTemplate jdbc,
            TicketStore store,
            TicketChanger changer,
            SupportTiers tiers,
            TicketProperties properties,
            TicketCategories categories) {
        return new TicketWorkbench(jdbc, store, changer, tiers, properties.maxPageSize(), categories);
    }

    @Bean
    DeEscalations deEscalations(TicketChanger changer, SupportTiers tiers) {
        return new DeEscalations(changer, tiers);
    }

    /** Starts with the application unless {@code switchboard.tickets.scheduler.enabled} is false. */
    @Bean
    EscalationScheduler escalationScheduler(Escalations escalations, TicketProperties properties) {
        return new EscalationScheduler(
                escalations,
                properties.scheduler().interval(),
                properties.scheduler().enabled());
    }

    @Bean(OpenTicketsContributor.NAME)
    CallerContextContributor openTickets(TicketSearch search, TicketChanger changer, TicketProperties properties) {
        return new OpenTicketsContributor(search, changer, properties.popTickets());
    }

    /** Adds the members the configuration names to their tiers once the application is up (users are data). */
    @Bean
    ApplicationListener<ApplicationReadyEvent> configuredTierMembers(
            TicketProperties properties, SupportTiers tiers, Directory directory) {
        return event -> {
            for (TierProperties tier : properties.tiers()) {
                if (tiers.find(tier.name()).isEmpty()) {
                    // renamed or deleted by an admin since the table was seeded: the table is what counts now
                    continue;
                }
                for (String username : tier.members()) {
                    directory
                            .findByUsername(username)
                            .ifPresentOrElse(
                                    user -> tiers.addMember(tier.name(), user.id()),
                                    () -> log.warn(
                                            "switchboard.tickets.tiers: no user '{}' to add to {}",
                                            username,
                                            tier.name()));
                }
            }
        };
    }

    /**
     * Escalation mails, when {@code switchboard.tickets.mail.enabled}: needs Spring Boot's {@link JavaMailSender}
     * ({@code spring.mail.host} and friends).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("switchboard.tickets.mail.enabled")
    static class MailNotifications {

        @Bean(destroyMethod = "shutdown")
        ThreadPoolExecutor ticketMailExecutor(TicketProperties properties) {
            return new ThreadPoolExecutor(
                    1,
                    1,
                    0,
                    TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(properties.mail().queueCapacity()),
                    runnable -> {
                        Thread thread = new Thread(runnable, "ticket-mail");
                        thread.setDaemon(true);
                        return thread;
                    },
                    new ThreadPoolExecutor.AbortPolicy());
        }

        @Bean
        EscalationNotifier mailEscalationNotifier(
                JavaMailSender sender,
                ThreadPoolExecutor ticketMailExecutor,
                TicketProperties properties,
                SupportTiers tiers,
                ObjectProvider<MeterRegistry> meters) {
            return new MailEscalationNotifier(
                    sender,
                    ticketMailExecutor,
                    properties.mail().from(),
                    tier -> tiers.mailbox(tier).orElse(null),
                    properties.mail().supervisors(),
                    meters.getIfAvailable(() -> Metrics.globalRegistry));
        }
    }

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }
}
