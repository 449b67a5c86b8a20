package io.switchboard.campaign.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.CampaignSettings;
import io.switchboard.campaign.CampaignStatus;
import io.switchboard.gateway.call.AgentState;
import io.switchboard.gateway.call.CallEvent.AgentStateChanged;
import io.switchboard.gateway.call.PbxName;
import io.switchboard.gateway.call.Pbxes.Trunk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which PBX the dialer's calls go through: within the trunks' room, where the queue's agents are, the campaign's. */
class PbxChoiceTest {

    private final QueueMembers members = new QueueMembers();
    private final PbxChoice choice = new PbxChoice(members, new InFlightAttempts());

    @Test
    void callsGoWhereAgentsAreFreeAndNeverPastATrunksRoom() {
        agents("east", 4);
        agents("west", 4);
        TrunkRoom room = TrunkRoom.of(List.of(new Trunk("east", 2), new Trunk("west", 3)), Map.of("west", 1));
        Campaign campaign = campaign(List.of());

        assertThat(choice.roomFor(campaign, room)).isEqualTo(4);
        assertThat(choose(campaign, room, 6)).containsExactlyInAnyOrder("east", "east", "west", "west");
        assertThat(choice.roomFor(campaign, room)).isZero();
    }

    @Test
    void aPbxWithoutTheQueuesAgentsGetsNoCallWhileAnotherHasThem() {
        agents("west", 2);
        TrunkRoom room = TrunkRoom.of(List.of(new Trunk("east", 0), new Trunk("west", 0)), Map.of());

        assertThat(choose(campaign(List.of()), room, 3)).containsOnly("west");
    }

    @Test
    void onlyThePbxesTheCampaignListsAreUsed() {
        agents("east", 4);
        agents("west", 1);
        TrunkRoom room = TrunkRoom.of(List.of(new Trunk("east", 0), new Trunk("west", 0)), Map.of());

        assertThat(choose(campaign(List.of("west")), room, 3)).containsOnly("west");
    }

    @Test
    void anAgentsPreviewDialGoesThroughTheirPhonesPbxOnlyWhenTheCampaignUsesItAndItHasRoom() {
        TrunkRoom room = TrunkRoom.of(List.of(new Trunk("east", 1), new Trunk("west", 0)), Map.of("east", 1));

        assertThat(choice.forAgent(campaign(List.of()), room, "west")).contains("west");
        assertThat(choice.forAgent(campaign(List.of()), room, "east")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> choice.forAgent(campaign(List.of("east")), room, "west"))
                .isInstanceOf(io.switchboard.campaign.CampaignStateException.class)
                .hasMessageContaining("'west'");
    }

    @Test
    void theSameExtensionOnTwoPbxesIsTwoAgents() {
        agents("east", 3);
        agents("west", 3);

        assertThat(members.of("campaign").ready()).isEqualTo(6);
        assertThat(members.of("campaign", "east").ready()).isEqualTo(3);
    }

    private List<String> choose(Campaign campaign, TrunkRoom room, int calls) {
        Map<String, Integer> chosen = new HashMap<>();
        List<String> pbxes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            choice.forDialer(campaign, room, chosen).ifPresent(pbxes::add);
        }
        return pbxes;
    }

    /** {@code count} ready agents, extensions 3001 up, in queue {@code campaign} on {@code pbx}, as events name them. */
    private void agents(String pbx, int count) {
        for (int i = 1; i <= count; i++) {
            members.apply(new AgentStateChanged(
                    Instant.EPOCH,
                    PbxName.key(pbx, Integer.toString(3000 + i)),
                    PbxName.key(pbx, "campaign"),
                    AgentState.READY,
                    null));
        }
    }

    private static Campaign campaign(List<String> pbxes) {
        CampaignSettings settings =
                CampaignSettings.defaults("Spring offer", "campaign").withPbxes(pbxes);
        return new Campaign(
                new CampaignId(1),
                CampaignStatus.RUNNING,
                settings,
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                null,
                List.of());
    }
}
