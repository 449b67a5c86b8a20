package io.switchboard.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.PbxEvent.ChannelListComplete;
import io.switchboard.gateway.call.PbxEvent.LinkChanged;
import org.junit.jupiter.api.Test;

/**
 * A call the tracker first learns from a resync listing (it started while the link was down, or before the
 * application did): what the listing tells of it is kept.
 */
class ResyncPickUpTest extends TrackerTestBase {

    @Test
    void anAnsweredQueueCallFirstSeenInAListingKeepsItsQueueAndWhenTheAgentTookIt() {
        // as Asterisk 22 lists it: the caller still runs Queue(support,...) while bridged to the agent's Local leg,
        // created when that phone began to ring (2 s after the caller's channel)
        String caller = pbx.id();
        String one = pbx.id();
        String two = pbx.id();
        apply(
                new LinkChanged(pbx.now, true),
                pbx.listed(caller, caller, "IAX2/carrier-5", "from-trunk", "500", true, 40, "b1", "support"),
                pbx.listed(one, caller, "Local/1001@agent-sim-00000001;1", "agent-sim", "1001", true, 38, "b1", null),
                pbx.listed(
                        two, caller, "Local/1001@agent-sim-00000001;2", "phone-stand-in", "1001", true, 38, "", null),
                new ChannelListComplete(pbx.now));
        pbx.advance(5);
        apply(pbx.hangup(two, 16), pbx.hangup(one, 16), pbx.hangup(caller, 16));

        assertThat(sink.ended()).singleElement().satisfies((CallEnded ended) -> {
            assertThat(ended.queue()).isEqualTo("support");
            assertThat(ended.answeredBy()).isEqualTo("1001");
            assertThat(ended.waitSeconds())
                    .as("from the call's start to the agent's leg")
                    .isEqualTo(2);
            assertThat(ended.talkSeconds()).isEqualTo(43);
            assertThat(ended.path())
                    .extracting(leg -> leg.queue() + "/" + leg.agent())
                    .containsExactly("support/1001");
        });
    }
}
