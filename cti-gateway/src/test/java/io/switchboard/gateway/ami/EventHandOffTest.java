package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.worker.BoundedWorker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

class EventHandOffTest {

    @Test
    void aFullQueueCountsWhatItDropsAndKeepsWhatItHolds() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<ManagerEvent> drained = new CopyOnWriteArrayList<>();
        BoundedWorker<ManagerEvent> tracker = BoundedWorker.<ManagerEvent>named("call-tracker")
                .capacity(3)
                .metrics(registry, EventHandOff.METRICS, Tags.empty())
                .eachTo(drained::add);
        EventHandOff handOff = new EventHandOff(tracker, registry);

        for (int i = 0; i < 5; i++) {
            NewChannelEvent event = new NewChannelEvent(this);
            event.setUniqueId("id-" + i);
            handOff.onManagerEvent(event);
        }

        assertThat(handOff.dropped()).isEqualTo(2);
        assertThat(registry.get("switchboard.ami.handoff.dropped").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("switchboard.ami.events.received")
                        .tag("type", "NewChannel")
                        .counter()
                        .count())
                .isEqualTo(5);
        assertThat(registry.get("switchboard.ami.handoff.depth").gauge().value())
                .isEqualTo(3);
        tracker.start().close(); // the tracker's thread takes what waits, then stops
        assertThat(drained).hasSize(3);
        assertThat(drained)
                .extracting(e -> ((NewChannelEvent) e).getUniqueId())
                .containsExactly("id-0", "id-1", "id-2");
    }
}
