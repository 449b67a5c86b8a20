package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ticket.TicketProperties.CalendarProperties;
import io.switchboard.ticket.TicketProperties.PolicyProperties;
import io.switchboard.ticket.TicketProperties.SchedulerProperties;
import io.switchboard.ticket.TicketProperties.SlaProperties;
import io.switchboard.ticket.TicketProperties.TierProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;

/** The {@code switchboard.tickets.*} configuration: defaults, binding from properties, and what it refuses. */
class TicketPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TicketProperties.class)
    static class Bound {}

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void withoutConfigurationThereAreThreeTiersAWeekdayCalendarAndAPolicyPerPriority() {
        TicketProperties defaults = TicketProperties.defaults();

        assertThat(defaults.tiers()).extracting(TierProperties::name).containsExactly("Tier 1", "Tier 2", "Tier 3");
        assertThat(defaults.calendars()).containsOnlyKeys("default");
        assertThat(defaults.sla().warningPercent()).isEqualTo(80);
        assertThat(defaults.sla().policies())
                .extracting(PolicyProperties::priority)
                .hasSize(4);
        assertThat(defaults.scheduler().interval()).isEqualTo(Duration.ofSeconds(30));
        runner.run(context ->
                assertThat(context.getBean(TicketProperties.class).tiers()).hasSize(3));
    }

    @Test
    void bindsTiersCalendarsPoliciesAndTheScheduler() {
        runner.withPropertyValues(
                        "switchboard.tickets.tiers[0].name=Front desk",
                        "switchboard.tickets.tiers[1].name=Engineers",
                        "switchboard.tickets.tiers[1].assignment=least-loaded",
                        "switchboard.tickets.tiers[1].members=erin,fred",
                        "switchboard.tickets.calendars.default.zone=America/New_York",
                        "switchboard.tickets.calendars.default.hours[0]=MON-FRI 08:00-20:00",
                        "switchboard.tickets.calendars.default.hours[1]=SAT 10:00-14:00",
                        "switchboard.tickets.calendars.default.holidays=07-04,2026-11-26",
                        "switchboard.tickets.sla.warning-percent=75",
                        "switchboard.tickets.sla.policies[0].priority=URGENT",
                        "switchboard.tickets.sla.policies[0].first-response=15m",
                        "switchboard.tickets.sla.policies[0].resolution=4h",
                        "switchboard.tickets.sla.policies[1].priority=HIGH",
                        "switchboard.tickets.sla.policies[1].first-response=1h",
                        "switchboard.tickets.sla.policies[1].next-update=2h",
                        "switchboard.tickets.sla.policies[1].resolution=8h",
                        "switchboard.tickets.sla.policies[2].priority=NORMAL",
                        "switchboard.tickets.sla.policies[2].first-response=4h",
                        "switchboard.tickets.sla.policies[2].resolution=3d",
                        "switchboard.tickets.sla.policies[3].priority=LOW",
                        "switchboard.tickets.sla.policies[3].first-response=1d",
                        "switchboard.tickets.sla.policies[3].resolution=10d",
                        "switchboard.tickets.scheduler.interval=10s",
                        "switchboard.tickets.scheduler.batch-size=200")
                .run(context -> {
                    TicketProperties properties = context.getBean(TicketProperties.class);
                    assertThat(properties.tiers())
                            .extracting(TierProperties::name, TierProperties::assignment)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("Front desk", AssignmentRule.QUEUE),
                                    org.assertj.core.groups.Tuple.tuple("Engineers", AssignmentRule.LEAST_LOADED));
                    assertThat(properties.tiers().get(1).members()).containsExactly("erin", "fred");
                    CalendarProperties calendar = properties.calendars().get("default");
                    assertThat(calendar.zone()).isEqualTo("America/New_York");
                    assertThat(calendar.hours()).hasSize(2);
                    assertThat(calendar.holidays()).containsExactly("07-04", "2026-11-26");
                    assertThat(properties.sla().warningPercent()).isEqualTo(75);
                    assertThat(properties.sla().policies().get(2).resolution()).isEqualTo(Duration.ofDays(3));
                    assertThat(properties.scheduler().batchSize()).isEqualTo(200);
                });
    }

    @Test
    void theDocumentedExampleBinds() throws Exception {
        List<org.springframework.core.env.PropertySource<?>> example = new YamlPropertySourceLoader()
                .load("tickets.example.yml", new FileSystemResource("../config/tickets.example.yml"));

        runner.withInitializer(context -> example.forEach(
                        source -> context.getEnvironment().getPropertySources().addFirst(source)))
                .run(context -> {
                    TicketProperties properties = context.getBean(TicketProperties.class);
                    assertThat(properties.tiers()).hasSize(3);
                    assertThat(properties.tiers().get(1).assignment()).isEqualTo(AssignmentRule.LEAST_LOADED);
                    assertThat(properties.calendars()).containsOnlyKeys("default", "around-the-clock");
                    assertThat(properties.sla().policies()).hasSize(5);
                    assertThat(new SlaPolicies(properties.sla(), properties.calendars())
                                    .select(TicketPriority.HIGH, "analytical engines ltd")
                                    .name())
                            .isEqualTo("HIGH/Analytical Engines Ltd");
                });
    }

    @Test
    void refusesConfigurationItCannotWorkWith() {
        runner.withPropertyValues("switchboard.tickets.calendars.default.hours=MON-FRI 18:00-08:00")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("ends before it starts"));
        runner.withPropertyValues("switchboard.tickets.calendars.default.zone=Mars/Olympus")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("Mars/Olympus"));
        runner.withPropertyValues("switchboard.tickets.sla.warning-percent=100")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("warning-percent"));
        assertThatThrownBy(() -> new SlaProperties(
                        80,
                        List.of(new PolicyProperties(
                                TicketPriority.HIGH, null, null, Duration.ofHours(1), null, Duration.ofHours(2)))))
                .hasMessageContaining("missing [LOW, NORMAL, URGENT]");
        assertThatThrownBy(() -> new TicketProperties(
                        List.of(
                                new TierProperties("Tier 1", null, null, null),
                                new TierProperties("Tier 1", null, null, null)),
                        null,
                        null,
                        null,
                        null,
                        10,
                        200,
                        null,
                        null))
                .hasMessageContaining("two tiers named Tier 1");
        assertThatThrownBy(() -> new TicketProperties(
                        null,
                        Map.of("office", new CalendarProperties("UTC", null, null)),
                        new SlaProperties(
                                80,
                                List.of(
                                        policy(TicketPriority.LOW, "elsewhere"),
                                        policy(TicketPriority.NORMAL, "default"),
                                        policy(TicketPriority.HIGH, "default"),
                                        policy(TicketPriority.URGENT, "default"))),
                        null,
                        null,
                        10,
                        200,
                        null,
                        null))
                .hasMessageContaining("no calendar named elsewhere");
        assertThatThrownBy(() -> new SchedulerProperties(true, Duration.ofMillis(10), 100))
                .hasMessageContaining("interval");
    }

    private static PolicyProperties policy(TicketPriority priority, String calendar) {
        return new PolicyProperties(priority, null, calendar, Duration.ofHours(1), null, Duration.ofHours(8));
    }
}
