package io.switchboard.ticket;

import io.switchboard.directory.Directory;
import io.switchboard.testing.TestClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the tickets' Spring tests share: the tickets, the tiers, the directory, the clock the test sets, the database,
 * and times read in Berlin, the business calendar's zone. A subclass brings the test context ({@code @PostgresTest}).
 */
abstract class TicketTestBase {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    Tickets tickets;

    @Autowired
    SupportTiers tiers;

    @Autowired
    Directory directory;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    /** A local date and time in Berlin ({@code 2026-06-08T10:00}) as an instant. */
    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
