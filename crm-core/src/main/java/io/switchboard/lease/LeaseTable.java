package io.switchboard.lease;

import io.switchboard.jdbc.JdbcTime;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Reads every lease at once, for showing which node holds what (health details, metrics). */
public final class LeaseTable {

    /** A lease that has not expired: {@code name} (e.g. {@code dialer}, {@code ami-link:berlin}) and its holder. */
    public record LiveLease(String name, String holder, Instant expiresAt) {

        /** A node's heartbeat ({@code node:<name>}) rather than a job or a link. */
        public boolean heartbeat() {
            return name.startsWith(LeaseLinkOwnership.NODE_PREFIX);
        }

        /** The PBX of a link's lease, or null when this is not one. */
        public String pbx() {
            return name.startsWith(LeaseLinkOwnership.LINK_PREFIX)
                    ? name.substring(LeaseLinkOwnership.LINK_PREFIX.length())
                    : null;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public LeaseTable(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The leases held now (expired ones are nobody's), by name. */
    public List<LiveLease> live() {
        return jdbc.query(
                "select name, holder, expires_at from dialer_lease where expires_at > :now order by name",
                new MapSqlParameterSource()
                        .addValue("now", JdbcTime.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE),
                (row, index) -> new LiveLease(
                        row.getString("name"), row.getString("holder"), JdbcTime.instant(row, "expires_at")));
    }
}
