package io.switchboard.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.testing.CrmTestApplication;
import io.switchboard.testing.EmbeddedPostgresConfiguration;
import io.switchboard.testing.PostgresTest;
import io.switchboard.ticket.TierAdministration.TierForm;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one PostgreSQL: the test's context, where an admin changes tiers, and a second context
 * started here, as another node. The other node sees each change within its {@code tier-refresh}, without a restart.
 */
@PostgresTest
class TierChangesOnAnotherNodeTest {

    @Autowired
    TierAdministration administration;

    @Autowired
    SupportTiers tiers;

    @Test
    void aTierCreatedDeactivatedAndDeletedOnOneNodeIsSeenSoOnAnotherWithoutARestart() {
        String name = "Night shift " + System.nanoTime() % 1_000_000;
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(
                        CrmTestApplication.class, EmbeddedPostgresConfiguration.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "switchboard.tickets.tier-refresh=1s")
                .run()) {
            SupportTiers there = other.getBean(SupportTiers.class);
            // the other node has read the tiers (at its start, or now): its copy is the one that must not go stale
            assertThat(there.find(name)).isEmpty();

            administration.create(new TierForm(name, AssignmentRule.QUEUE, true, null), null);
            await().atMost(Duration.ofSeconds(10)).until(() -> there.find(name).isPresent());
            assertThat(there.tiers()).extracting(Tier::name).contains(name);

            administration.update(name, new TierForm(name, AssignmentRule.LEAST_LOADED, false, null), null);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> there.find(name).map(Tier::active), Optional.of(false)::equals);
            assertThat(there.tier(name).assignment()).isEqualTo(AssignmentRule.LEAST_LOADED);
            assertThat(there.tiers()).extracting(Tier::name).doesNotContain(name);

            administration.delete(name, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> there.find(name).isEmpty());
        } finally {
            // the tiers are shared by every test of the module's context: none is left behind
            if (tiers.reload().stream().anyMatch(tier -> tier.name().equals(name))) {
                administration.delete(name, null);
            }
        }
    }
}
