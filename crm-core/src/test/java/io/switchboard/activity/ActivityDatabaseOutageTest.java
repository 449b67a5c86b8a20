package io.switchboard.activity;

import static io.switchboard.activity.EndedCalls.NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.testing.CrmTestApplication;
import io.switchboard.testing.Database;
import io.switchboard.testing.RestartablePostgres;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database restarts while calls keep ending: every call gets its activity once it is back, none twice. */
@SpringBootTest(
        classes = {CrmTestApplication.class, ActivityDatabaseOutageTest.OwnPostgres.class},
        properties = "switchboard.activities.max-retry-delay=200ms")
class ActivityDatabaseOutageTest {

    static final RestartablePostgres POSTGRES = RestartablePostgres.start();

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnPostgres {

        @Bean(destroyMethod = "close")
        DataSource dataSource() {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(POSTGRES.jdbcUrl());
            // fail fast while the server is down, so the writer's retries are what the test sees
            dataSource.setConnectionTimeout(500);
            dataSource.setValidationTimeout(250);
            dataSource.setMaximumPoolSize(4);
            return dataSource;
        }
    }

    @Autowired
    ActivityRecorder recorder;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SimpleMeterRegistry meters;

    @AfterAll
    static void stopPostgres() {
        POSTGRES.close();
    }

    @Test
    void callsEndingWhileTheDatabaseRestartsAreWrittenOnceItIsBack() {
        for (int i = 0; i < 300; i++) {
            recorder.record(EndedCalls.answered("before." + i, "+4940555555", "support", "1001", NOON.plusSeconds(i)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Database.count(jdbc, "activities") == 300);

        POSTGRES.stop();
        for (int i = 0; i < 700; i++) {
            recorder.record(EndedCalls.answered("during." + i, "+4940555555", "support", "1001", NOON.plusSeconds(i)));
        }
        // the last calls before the outage end again, as a resync after a PBX link outage would report them
        for (int i = 250; i < 300; i++) {
            recorder.record(EndedCalls.answered("before." + i, "+4940555555", "support", "1001", NOON.plusSeconds(i)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> failures() >= 3);
        assertThat(recorder.pending()).isGreaterThan(0);

        POSTGRES.startAgain();

        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.pending() == 0 && countOrMinusOne() == 1_000);
        assertThat(jdbc.queryForObject("select count(distinct call_id) from activities", Long.class))
                .isEqualTo(1_000);
        assertThat(meters.get("switchboard.activities.refused").counter().count())
                .isZero();
    }

    private double failures() {
        return meters.get("switchboard.activities.write.failures").counter().count();
    }

    private long countOrMinusOne() {
        try {
            return Database.count(jdbc, "activities");
        } catch (RuntimeException stillDown) {
            return -1;
        }
    }
}
