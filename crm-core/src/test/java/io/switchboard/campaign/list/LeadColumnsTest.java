package io.switchboard.campaign.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeadColumnsTest {

    private final LeadColumns full =
            LeadColumns.of("number", "name").withTimezone("timezone").withPriority("priority");

    @Test
    void optionalColumnsTheHeaderLacksAreLeftOutAndTheNumberStays() {
        assertThat(full.fittedTo(List.of("number", "plan"))).isEqualTo(LeadColumns.of("number", null));
        assertThat(full.fittedTo(List.of("phone", "name")))
                .as("a list without the number column is refused by the import, with its header")
                .isEqualTo(LeadColumns.of("number", "name"));
        assertThat(full.fittedTo(List.of("priority", "number", "timezone", "name")))
                .isEqualTo(full);
    }
}
