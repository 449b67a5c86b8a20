package io.switchboard.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InProcessClusterBusTest {

    record Hello(String text, int n) {}

    private static final ClusterTopic<Hello> HELLO = ClusterTopic.of("hello", Hello.class);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ClusterMetrics metrics = new ClusterMetrics(registry, Clock.systemUTC());

    @Test
    void aMessageReachesTheOtherNodesButNotItsPublisher() {
        InProcessClusterBus.Hub hub = new InProcessClusterBus.Hub();
        try (InProcessClusterBus a = new InProcessClusterBus(new NodeId("a"), hub, metrics);
                InProcessClusterBus b = new InProcessClusterBus(new NodeId("b"), hub, metrics)) {
            List<Hello> atA = new CopyOnWriteArrayList<>();
            List<Hello> atB = new CopyOnWriteArrayList<>();
            a.subscribe(HELLO, atA::add);
            b.subscribe(HELLO, atB::add);

            a.publish(HELLO, new Hello("hi", 1));

            assertThat(atB).containsExactly(new Hello("hi", 1));
            assertThat(atA).isEmpty();
            assertThat(registry.get("switchboard.cluster.messages.published")
                            .tag("topic", "hello")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("switchboard.cluster.lag")
                            .tag("topic", "hello")
                            .timer()
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void anUnreadableMessageIsDroppedAndTheNextOneArrives() {
        InProcessClusterBus.Hub hub = new InProcessClusterBus.Hub();
        try (InProcessClusterBus a = new InProcessClusterBus(new NodeId("a"), hub, metrics);
                InProcessClusterBus b = new InProcessClusterBus(new NodeId("b"), hub, metrics)) {
            List<Hello> atB = new CopyOnWriteArrayList<>();
            b.subscribe(HELLO, atB::add);

            a.publish("hello", "not json");
            a.publish(HELLO, new Hello("after", 2));

            assertThat(atB).containsExactly(new Hello("after", 2));
            assertThat(registry.get("switchboard.cluster.messages.dropped")
                            .tag("topic", "hello")
                            .counter()
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void nodeIdsAreShortPlainTokens() {
        assertThat(NodeId.generated("app host.example").value()).matches("apphost.example-[0-9a-f]{8}");
        assertThatThrownBy(() -> new NodeId("a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
