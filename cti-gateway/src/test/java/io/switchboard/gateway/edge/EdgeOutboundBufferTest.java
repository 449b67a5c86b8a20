package io.switchboard.gateway.edge;

import static io.switchboard.gateway.edge.EdgeTestSupport.pop;
import static io.switchboard.gateway.edge.EdgeTestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeOutboundBufferTest {

    private final List<EdgeMessage> replaced = new ArrayList<>();
    private final List<EdgeMessage> dropped = new ArrayList<>();
    private final OutboundBuffer.Listener listener = new OutboundBuffer.Listener() {
        @Override
        public void replaced(EdgeMessage older) {
            replaced.add(older);
        }

        @Override
        public void dropped(EdgeMessage message) {
            dropped.add(message);
        }
    };

    @Test
    void newerSnapshotReplacesTheUnsentOneAndGoesBehindLaterPops() {
        OutboundBuffer buffer = new OutboundBuffer(10, listener);
        EdgeMessage first = snapshot("sales", 1);
        EdgeMessage popOne = pop("c1");
        EdgeMessage second = snapshot("sales", 2);

        buffer.offer(first);
        buffer.offer(popOne);
        buffer.offer(second);

        assertThat(drain(buffer)).containsExactly(popOne, second);
        assertThat(replaced).containsExactly(first);
        assertThat(dropped).isEmpty();
    }

    @Test
    void messagesOfDifferentTypesWithTheSameKeyDoNotReplaceEachOther() {
        OutboundBuffer buffer = new OutboundBuffer(10, listener);
        EdgeMessage queue = EdgeMessage.replaceable(EdgeMessage.QUEUE_SNAPSHOT, "x", Map.of());
        EdgeMessage agent = EdgeMessage.replaceable(EdgeMessage.AGENT_STATE, "x", Map.of());

        buffer.offer(queue);
        buffer.offer(agent);

        assertThat(drain(buffer)).containsExactly(queue, agent);
    }

    @Test
    void pastTheLimitTheOldestReplaceableIsDroppedNeverAPop() {
        OutboundBuffer buffer = new OutboundBuffer(3, listener);
        EdgeMessage sales = snapshot("sales", 1);
        EdgeMessage popOne = pop("c1");
        EdgeMessage support = snapshot("support", 1);
        EdgeMessage popTwo = pop("c2");

        assertThat(buffer.offer(sales)).isTrue();
        assertThat(buffer.offer(popOne)).isTrue();
        assertThat(buffer.offer(support)).isTrue();
        assertThat(buffer.offer(popTwo)).isTrue();

        assertThat(dropped).containsExactly(sales);
        assertThat(drain(buffer)).containsExactly(popOne, support, popTwo);
    }

    @Test
    void aReplaceableThatDoesNotFitAmongPopsIsDroppedItself() {
        OutboundBuffer buffer = new OutboundBuffer(2, listener);
        buffer.offer(pop("c1"));
        buffer.offer(pop("c2"));
        EdgeMessage late = snapshot("sales", 1);

        assertThat(buffer.offer(late)).isTrue();

        assertThat(dropped).containsExactly(late);
        assertThat(buffer.size()).isEqualTo(2);
    }

    @Test
    void morePopsThanTheLimitIsReportedAsOverflow() {
        OutboundBuffer buffer = new OutboundBuffer(2, listener);

        assertThat(buffer.offer(pop("c1"))).isTrue();
        assertThat(buffer.offer(pop("c2"))).isTrue();
        assertThat(buffer.offer(pop("c3"))).isFalse();
        assertThat(dropped).isEmpty();
    }

    @Test
    void pollingFreesRoomForPops() {
        OutboundBuffer buffer = new OutboundBuffer(1, listener);
        buffer.offer(pop("c1"));

        assertThat(buffer.poll()).isNotNull();
        assertThat(buffer.offer(pop("c2"))).isTrue();
        assertThat(buffer.poll()).isNotNull();
        assertThat(buffer.poll()).isNull();
        assertThat(buffer.isEmpty()).isTrue();
    }

    private static List<EdgeMessage> drain(OutboundBuffer buffer) {
        List<EdgeMessage> out = new ArrayList<>();
        for (EdgeMessage next = buffer.poll(); next != null; next = buffer.poll()) {
            out.add(next);
        }
        return out;
    }
}
