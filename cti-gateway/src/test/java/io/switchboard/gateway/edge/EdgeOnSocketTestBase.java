package io.switchboard.gateway.edge;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * What the tests of the edge on a real loopback socket start from: its metrics' registry, the test tokens, the edge
 * once a test starts it, and the desktops the test opened, all closed after each test.
 */
abstract class EdgeOnSocketTestBase {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final EdgeTokens tokens = EdgeTestSupport.tokens();
    final List<DesktopClient> clients = new ArrayList<>();
    CtiEdge edge;

    @AfterEach
    void closeDesktopsAndTheEdge() {
        clients.forEach(DesktopClient::close);
        if (edge != null) {
            edge.close();
        }
    }

    /** Starts an edge with these settings, the test tokens and the registry. */
    void start(EdgeProperties properties) {
        edge = new CtiEdge(properties, tokens, registry);
        edge.start();
    }
}
