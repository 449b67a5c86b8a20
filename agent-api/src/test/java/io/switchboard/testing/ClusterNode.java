package io.switchboard.testing;

import io.switchboard.SwitchboardApplication;
import io.switchboard.simulator.AmiSimulator;
import io.switchboard.simulator.SimulatorSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The settings of one application node in a test with several PBXes or several nodes, in one place instead of a
 * copy per test: on a free HTTP and CTI edge port, without demo data or the built-in simulator, with the PBXes listed
 * as {@code switchboard.pbxes}. {@link #clustered()} adds what nodes sharing the links need (call events relayed from
 * each link's owner, short link leases, so a link moves within about a second); anything else a test sets by name.
 *
 * <pre>{@code
 * ClusterNode.on(url).named("node-1").clustered().pbx("east", east, settings).set("switchboard.dialer.enabled", "false").start();
 * }</pre>
 */
public final class ClusterNode {

    /** The CTI token secret every node of a test shares, so a token issued by one node is good on the others. */
    public static final String TOKEN_SECRET = "a-token-secret-shared-by-every-node-0123456789";

    private final Map<String, String> settings = new LinkedHashMap<>();
    private int pbxes;

    private ClusterNode(String databaseUrl) {
        set("server.port", "0");
        set("server.address", "127.0.0.1");
        set("spring.main.banner-mode", "off");
        set("spring.datasource.url", databaseUrl);
        set("spring.datasource.username", "postgres");
        set("switchboard.demo.seed", "false");
        set("switchboard.simulator.enabled", "false");
        set("switchboard.edge.port", "0");
        set("switchboard.edge.allowed-origins", Desktop.ORIGIN);
        set("switchboard.edge.token-secret", TOKEN_SECRET);
    }

    /** A node on the database at {@code databaseUrl} (PostgreSQL, user {@code postgres}). */
    public static ClusterNode on(String databaseUrl) {
        return new ClusterNode(databaseUrl);
    }

    /** The node's cluster id ({@code switchboard.cluster.node-id}), the name it holds its leases under. */
    public ClusterNode named(String nodeId) {
        return set("switchboard.cluster.node-id", nodeId);
    }

    /** Call events relayed from each link's owner to the other nodes, and link leases of a second. */
    public ClusterNode clustered() {
        set("switchboard.cluster.call-events", "from-owner");
        return set("switchboard.link-lease.ttl", "1s");
    }

    /** The next PBX of {@code switchboard.pbxes}: a simulator on this machine, logged in to with its credentials. */
    public ClusterNode pbx(String id, AmiSimulator simulator, SimulatorSettings credentials) {
        String prefix = "switchboard.pbxes[" + pbxes++ + "].";
        set(prefix + "id", id);
        set(prefix + "host", "127.0.0.1");
        set(prefix + "port", Integer.toString(simulator.port()));
        set(prefix + "username", credentials.username());
        return set(prefix + "secret", credentials.secret());
    }

    /** Any other setting, by its property name (replacing one set before). */
    public ClusterNode set(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** The settings as command-line arguments. */
    public String[] arguments() {
        List<String> arguments = new ArrayList<>();
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return arguments.toArray(String[]::new);
    }

    /** Starts the node; it runs until the context is closed. */
    public ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SwitchboardApplication.class).run(arguments());
    }
}
