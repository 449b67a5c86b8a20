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
 * Lets one node of a cluster at a time run a cluster-wide job (the dialer, the daily backup, scheduled reports): a
 * named row of {@code dialer_lease} (the table keeps the name of its first user) with a holder and an expiry. The holder renews it well within
 * its time to live; another node takes over only once it has expired (the holder crashed or lost the database).
 * Every change is one conditional statement, so two nodes racing for it cannot both win.
 */
public class Lease {

    /** The lease the dialer loop takes. */
    public static final String DIALER = "dialer";

    /** The lease of the daily backup. */
    public static final String BACKUP = "backup";

    /** The lease of the scheduled report mails. */
    public static final String REPORTS = "reports";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final String name;

    public Lease(NamedParameterJdbcTemplate jdbc, Clock clock, String name) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.name = name;
    }

    /** Takes the lease when it is free, expired or already this holder's; true when {@code holder} has it now. */
    public boolean tryAcquire(String holder, Duration ttl) {
        Instant now = clock.instant();
        MapSqlParameterSource parameters = parameters(holder, now, ttl);
        int taken = jdbc.update(
                "update dialer_lease set holder = :holder, acquired_at = :now, expires_at = :expires"
                        + " where name = :name and (holder = :holder or expires_at <= :now)",
                parameters);
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.update(
                            "insert into dialer_lease (name, holder, acquired_at, expires_at)"
                                    + " select :name, :holder, :now, :expires"
                                    + " where not exists (select 1 from dialer_lease where name = :name)",
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
                        "update dialer_lease set expires_at = :expires"
                                + " where name = :name and holder = :holder and expires_at > :now",
                        parameters(holder, now, ttl))
                == 1;
    }

    /** Gives the lease up (at shutdown), so another node need not wait for it to expire. */
    public void release(String holder) {
        jdbc.update(
                "delete from dialer_lease where name = :name and holder = :holder",
                new MapSqlParameterSource("name", name).addValue("holder", holder));
    }

    /** Whether a holder other than {@code holder} has the lease now. */
    public boolean isHeldByAnother(String holder) {
        MapSqlParameterSource parameters = parameters(holder, clock.instant(), Duration.ZERO);
        Integer count = jdbc.queryForObject(
                "select count(*) from dialer_lease where name = :name and holder <> :holder and expires_at > :now",
                parameters,
                Integer.class);
        return count != null && count > 0;
    }

    /** Whether {@code holder} has the lease now. */
    public boolean isHeldBy(String holder) {
        MapSqlParameterSource parameters = parameters(holder, clock.instant(), Duration.ZERO);
        Integer count = jdbc.queryForObject(
                "select count(*) from dialer_lease where name = :name and holder = :holder and expires_at > :now",
                parameters,
                Integer.class);
        return count != null && count > 0;
    }

    private MapSqlParameterSource parameters(String holder, Instant now, Duration ttl) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("name", name).addValue("holder", holder);
        parameters.addValue("now", JdbcTime.timestamp(now), Types.TIMESTAMP_WITH_TIMEZONE);
        parameters.addValue("expires", JdbcTime.timestamp(now.plus(ttl)), Types.TIMESTAMP_WITH_TIMEZONE);
        return parameters;
    }
}
