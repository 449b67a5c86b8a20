package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

class EventHandOffTest {

    @Test
    void aFullQueueCountsWhatItDropsAndKeepsWhatItHolds() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EventHandOff handOff = new EventHandOff(3, registry);

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
        List<ManagerEvent> drained = new ArrayList<>();
        assertThat(handOff.drainTo(drained, 10, 10)).isEqualTo(3);
        assertThat(drained)
                .extracting(e -> ((NewChannelEvent) e).getUniqueId())
                .containsExactly("id-0", "id-1", "id-2");
    }
}
