package io.switchboard.lease;

import io.switchboard.jdbc.JdbcTime;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Lets one node at a time hold something: a named row in {@code leases} with a holder and an expiry (the dialer
 * loop, {@code dialer}; a PBX link, {@code ami-link:<id>}). The holder renews it well within its time to live;
 * another node takes over only once it has expired (the holder crashed or lost the database). Every change is one
 * conditional statement, so two nodes racing for it cannot both win.
 */
public class NamedLease {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final String name;

    public NamedLease(NamedParameterJdbcTemplate jdbc, Clock clock, String name) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Takes the lease when it is free, expired or already this holder's; true when {@code holder} has it now. */
    public boolean tryAcquire(String holder, Duration ttl) {
        Instant now = clock.instant();
        MapSqlParameterSource parameters = parameters(holder, now, ttl);
        int taken = jdbc.update(
                "update leases set holder = :holder, acquired_at = :now, expires_at = :expires"
                        + " where name = :name and (holder = :holder or expires_at <= :now)",
                parameters);
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.update(
                            "insert into leases (name, holder, acquired_at, expires_at)"
                                    + " select :name, :holder, :now, :expires"
                                    + " where not exists (select 1 from leases where name = :name)",
                            parameters)
                    == 1;
        } catch (DuplicateKeyException e) {
            return false; // another node inserted it first
        }
    }

    /** Extends the lease while {@code holder} still has it; false when it expired and may be someone else's. */
    public boolean renew(String holder, Duration ttl) {
        Instant now = clock.instant();
        return jdbc.update(
                        "update leases set expires_at = :expires"
                                + " where name = :name and holder = :holder and expires_at > :now",
                        parameters(holder, now, ttl))
                == 1;
    }

    /** Gives the lease up (at shutdown), so another node need not wait for it to expire. */
    public void release(String holder) {
        jdbc.update(
                "delete from leases where name = :name and holder = :holder",
                new MapSqlParameterSource("name", name).addValue("holder", holder));
    }

    /** Whether {@code holder} has the lease now. */
    public boolean isHeldBy(String holder) {
        MapSqlParameterSource parameters = parameters(holder, clock.instant(), Duration.ZERO);
        Integer count = jdbc.queryForObject(
                "select count(*) from leases where name = :name and holder = :holder and expires_at > :now",
                parameters,
                Integer.class);
        return count != null && count > 0;
    }

    private MapSqlParameterSource parameters(String holder, Instant now, Duration ttl) {
        return new MapSqlParameterSource("name", name)
                .addValue("holder", holder)
                .addValue("now", JdbcTime.timestamp(now), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("expires", JdbcTime.timestamp(now.plus(ttl)), Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
