package io.switchboard.lease;

import io.switchboard.jdbc.JdbcTime;
import java.sql.Types;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Counts what the leases say about the cluster: links known, live nodes, links each node holds. */
final class LeaseCensus {

    /**
     * @param links links ever leased (expired ones too: a dead node's link still needs an owner) and the one asked
     * @param nodes nodes whose heartbeat is alive, this one included
     * @param heldByThisNode links this node holds now
     * @param heldByOthers links each other live node holds now (0 for a live node holding none)
     */
    record Count(long links, long nodes, long heldByThisNode, Map<String, Long> heldByOthers) {

        /** {@code ceil(links / live nodes)}: the most links a node takes while other nodes are alive. */
        long share() {
            return (links + nodes - 1) / nodes;
        }

        /** Whether another live node holds fewer links than its share (it would take one if one were free). */
        boolean anotherBelowShare() {
            long share = share();
            return heldByOthers.values().stream().anyMatch(held -> held < share);
        }
    }

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
        Map<String, Long> heldByHolder = new HashMap<>();
        jdbc.query(
                "select name, holder, expires_at > :now as live from dialer_lease where name like :links or name like :nodes",
                parameters,
                row -> {
                    String name = row.getString("name");
                    boolean live = row.getBoolean("live");
                    if (name.startsWith(linkPrefix)) {
                        links.add(name);
                        if (live) {
                            heldByHolder.merge(row.getString("holder"), 1L, Long::sum);
                        }
                    } else if (live) {
                        nodes.add(name);
                    }
                });
        Map<String, Long> heldByOthers = new HashMap<>();
        for (String other : nodes) {
            String holder = other.substring(nodePrefix.length());
            if (!holder.equals(node)) {
                heldByOthers.put(holder, heldByHolder.getOrDefault(holder, 0L));
            }
        }
        return new Count(links.size(), nodes.size(), heldByHolder.getOrDefault(node, 0L), Map.copyOf(heldByOthers));
    }
}
