package io.switchboard.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.FreshDatabase;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The upgrade that stores a call's {@code transferred} flag (V24_30) sets it for the calls already recorded, from
 * their legs: a call with a leg that ended in a transfer, not one whose legs did not, nor one without legs.
 */
class TransferredBackfillTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-10T09:00:00Z");

    @ParameterizedTest
    @EnumSource(FreshDatabase.class)
    void theUpgradeSetsTheFlagOfTheCallsAlreadyTransferred(FreshDatabase database) {
        DataSource dataSource = new SingleConnectionDataSource(database.url(), true);
        Flyway.configure().dataSource(dataSource).target("23.5").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String call : List.of("transferred", "not-transferred", "no-legs")) {
            jdbc.update(
                    "insert into activities (call_id, direction, outcome, started_at, ended_at, ring_seconds,"
                            + " wait_seconds, talk_seconds, reconciled, recorded_at, version)"
                            + " values (?, 'INBOUND', 'ANSWERED', ?, ?, 0, 0, 60, false, ?, 0)",
                    call,
                    AT,
                    AT.plusMinutes(1),
                    AT.plusMinutes(1));
        }
        leg(jdbc, "transferred", 0, true);
        leg(jdbc, "transferred", 1, false);
        leg(jdbc, "not-transferred", 0, false);

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(jdbc.queryForList("select call_id from activities where transferred order by call_id", String.class))
                .containsExactly("transferred");
    }

    private static void leg(JdbcTemplate jdbc, String call, int seq, boolean transferred) {
        jdbc.update(
                "insert into activity_legs (call_id, seq, queue, agent_extension, started_at, answered_at, ended_at,"
                        + " transferred) values (?, ?, 'support', '2011', ?, ?, ?, ?)",
                call,
                seq,
                AT,
                AT,
                AT.plusMinutes(1),
                transferred);
    }
}
