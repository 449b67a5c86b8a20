package io.switchboard.lease;

import io.switchboard.jdbc.JdbcTime;
import java.sql.Types;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Counts what the leases say about the cluster: links known, live nodes, links a node holds. */
final class LeaseCensus {

    /**
     * @param links links ever leased (expired ones too: a dead node's link still needs an owner) and the one asked
     * @param nodes nodes whose heartbeat is alive, this one included
     * @param heldByThisNode links this node holds now
     */
    record Count(long links, long nodes, long heldByThisNode) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    LeaseCensus(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Count count(String linkPrefix, String nodePrefix, String node, String askedLink) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("links", linkPrefix + "%")
                .addValue("nodes", nodePrefix + "%")
                .addValue("now", JdbcTime.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE);
        Set<String> links = new HashSet<>(Set.of(askedLink));
        Set<String> nodes = new HashSet<>(Set.of(nodePrefix + node));
        long[] held = {0};
        jdbc.query(
                "select name, holder, expires_at > :now as live from dialer_lease where name like :links or name like :nodes",
                parameters,
                row -> {
                    String name = row.getString("name");
                    boolean live = row.getBoolean("live");
                    if (name.startsWith(linkPrefix)) {
                        links.add(name);
                        if (live && node.equals(row.getString("holder"))) {
                            held[0]++;
                        }
                    } else if (live) {
                        nodes.add(name);
                    }
                });
        return new Count(links.size(), nodes.size(), held[0]);
    }
}
