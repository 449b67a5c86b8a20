package io.switchboard.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.cluster.CallEventRelay;
import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.gateway.cluster.ClusterMetrics;
import io.switchboard.gateway.cluster.ClusterProperties;
import io.switchboard.gateway.cluster.InProcessClusterBus;
import io.switchboard.gateway.cluster.NodeId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bus between nodes: PostgreSQL {@code LISTEN/NOTIFY} when the database is PostgreSQL (several nodes share it),
 * in-process otherwise (the demo on H2 is one node), unless {@code switchboard.cluster.transport} says which.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);
    /** Call events waiting to go out: as many as the tracker's subscribers queue each. */
    private static final int RELAY_CAPACITY = 10_000;

    @Bean
    NodeId nodeId(ClusterProperties properties) {
        return properties.node();
    }

    @Bean
    ClusterMetrics clusterMetrics(MeterRegistry registry, ObjectProvider<Clock> clock) {
        return new ClusterMetrics(registry, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean(destroyMethod = "close")
    ClusterBus clusterBus(ClusterProperties properties, NodeId node, ClusterMetrics metrics, DataSource dataSource) {
        HikariDataSource database = hikari(dataSource);
        boolean postgres = switch (properties.transport()) {
            case POSTGRES -> true;
            case IN_PROCESS -> false;
            case AUTO -> database != null && database.getJdbcUrl().startsWith("jdbc:postgresql:");
        };
        if (!postgres) {
            log.info("Cluster bus: in-process (one node), this node is {}", node);
            return new InProcessClusterBus(node, metrics);
        }
        if (database == null) {
            throw new IllegalStateException("switchboard.cluster.transport=postgres needs a HikariCP data source");
        }
        log.info("Cluster bus: PostgreSQL LISTEN/NOTIFY, this node is {}", node);
        return new PostgresClusterBus(
                        node,
                        purpose -> open(database, "switchboard-cluster-" + purpose + "-" + node),
                        metrics,
                        properties.outgoingCapacity(),
                        properties.reconnectMaxBackoff(),
                        properties.largeMessageKeep())
                .start();
    }

    /**
     * With {@code switchboard.cluster.call-events=from-owner}: the call events of the links this node reads go to the
     * other nodes, and theirs come to this node's subscribers of every node's events.
     */
    @Bean(destroyMethod = "close")
    CallEventRelay callEventRelay(ClusterProperties properties, ObjectProvider<CallEventBus> events, ClusterBus bus) {
        CallEventBus local = events.getIfAvailable();
        if (properties.callEvents() != ClusterProperties.CallEvents.FROM_OWNER || local == null) {
            return null;
        }
        return new CallEventRelay(local, bus, RELAY_CAPACITY);
    }

    @Bean
    ClusterHealthIndicator clusterHealthIndicator(ClusterBus bus) {
        return new ClusterHealthIndicator(bus);
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** A connection of the bus's own, with the pool's settings but outside it. */
    private static Connection open(HikariDataSource database, String name) throws SQLException {
        Properties settings = new Properties();
        settings.putAll(database.getDataSourceProperties());
        if (database.getUsername() != null) {
            settings.setProperty("user", database.getUsername());
        }
        if (database.getPassword() != null) {
            settings.setProperty("password", database.getPassword());
        }
        settings.setProperty("ApplicationName", name);
        settings.putIfAbsent("connectTimeout", "5");
        settings.putIfAbsent("tcpKeepAlive", "true");
        return DriverManager.getConnection(database.getJdbcUrl(), settings);
    }
}
