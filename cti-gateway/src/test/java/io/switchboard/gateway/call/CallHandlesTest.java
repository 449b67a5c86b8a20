package io.switchboard.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.CallHandles.CallHandle;
import io.switchboard.gateway.call.PbxEvent.BridgeEntered;
import io.switchboard.gateway.call.PbxEvent.DialBegan;
import io.switchboard.gateway.call.PbxEvent.DialEnded;
import io.switchboard.gateway.call.PbxEvent.LocalPairBridged;
import org.junit.jupiter.api.Test;

/** Which channels call control acts on, for the kinds of call an agent can be on. */
class CallHandlesTest extends TrackerTestBase {

    @Test
    void anInboundQueueCallIsControlledThroughTheCallersTrunkChannel() {
        String caller = pbx.id();
        String one = pbx.id();
        String two = pbx.id();
        apply(
                pbx.trunkCall(caller, "+4930123456", "Alice Example", "500"),
                pbx.join(caller, "support"),
                pbx.agentLeg(one, caller, "1001", 1),
                pbx.agentLeg(two, caller, "1001", 2),
                new LocalPairBridged(pbx.now, one, two),
                pbx.agentCalled(caller, "support", "1001", one),
                pbx.dial(caller, one, "1001"),
                pbx.dialEnd(caller, one, "ANSWER"),
                pbx.connect(caller, "support", "1001", 1, 1),
                new BridgeEntered(pbx.now, "b1", one),
                new BridgeEntered(pbx.now, "b1", caller));

        assertThat(tracker.handles().ofAgent("1001"))
                .map(CallHandle::customerChannel)
                .hasValueSatisfying(channel -> assertThat(channel).startsWith("IAX2/carrier-"));
    }

    @Test
    void aCampaignCallAnsweredByAnAgentIsControlledThroughTheOriginatesLocalChannel() {
        // customer first, as the sample campaign-out dials it (suite_campaign.ami): the customer's side in the
        // agent's bridge is the originate's Local channel, whose other half is bridged to the carrier
        String one = pbx.id();
        String two = pbx.id();
        String trunk = pbx.id();
        String agentOne = pbx.id();
        String agentTwo = pbx.id();
        String customer = "Local/+4930555661@campaign-out-00000004;1";
        apply(
                pbx.channel(one, one, customer, "campaign-out", "+4930555661"),
                pbx.channel(two, one, "Local/+4930555661@campaign-out-00000004;2", "campaign-out", "+4930555661"),
                new LocalPairBridged(pbx.now, one, two),
                pbx.channel(trunk, one, "IAX2/carrier-13001", "default", "s"),
                new DialBegan(pbx.now, two, trunk, "+4930555661", "+4930555661"),
                new DialEnded(pbx.now, two, trunk, "ANSWER"),
                new BridgeEntered(pbx.now, "carrier", trunk),
                new BridgeEntered(pbx.now, "carrier", two),
                pbx.join(one, "campaign"),
                pbx.agentLeg(agentOne, one, "3001", 1),
                pbx.agentLeg(agentTwo, one, "3001", 2),
                new LocalPairBridged(pbx.now, agentOne, agentTwo),
                pbx.agentCalled(one, "campaign", "3001", agentOne),
                pbx.dial(one, agentOne, "3001"),
                pbx.dialEnd(one, agentOne, "ANSWER"),
                pbx.connect(one, "campaign", "3001", 1, 1),
                new BridgeEntered(pbx.now, "agent", agentOne),
                new BridgeEntered(pbx.now, "agent", one));

        assertThat(tracker.handles().ofAgent("3001"))
                .as("a campaign call can be hung up and transferred like any other")
                .hasValueSatisfying(handle -> {
                    assertThat(handle.customerChannel()).isEqualTo(customer);
                    assertThat(handle.agentChannel()).startsWith("Local/3001@agent-sim-");
                    assertThat(handle.callId()).isEqualTo(one);
                });
    }
}
