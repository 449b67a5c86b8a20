package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallTracker;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.PbxEvent;
import io.switchboard.gateway.call.PbxEvent.ChannelListComplete;
import io.switchboard.gateway.call.PbxEvent.Ignored;
import io.switchboard.gateway.call.PbxEvent.OriginateResponded;
import io.switchboard.gateway.call.PbxEvent.VariableSet;
import io.switchboard.gateway.call.RecordingSink;
import java.time.Instant;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;

class AmiEventTranslatorTest {

    private final ListingRequests listings = new ListingRequests();
    private final AmiEventTranslator translator = new AmiEventTranslator(CallTrackerSettings.defaults(), listings);

    /** A queue nobody waits in and nobody works is known only from the PBX's listing: it reaches subscribers too. */
    @Test
    void aListedQueueIsPublishedEvenWhenEmpty() {
        QueueParamsEvent params = new QueueParamsEvent(new Object());
        params.setQueue("billing");
        params.setCalls(0);
        params.setTimestamp(1700000000.25);
        RecordingSink sink = new RecordingSink();
        CallTracker tracker = new CallTracker(CallTrackerSettings.defaults(), sink, new SimpleMeterRegistry());

        PbxEvent translated = translator.translate(params);
        tracker.apply(translated);

        assertThat(translated).isEqualTo(new PbxEvent.QueueListed(1700000000250L, "billing"));
        assertThat(sink.of(CallEvent.QueueListed.class))
                .containsExactly(new CallEvent.QueueListed(Instant.ofEpochMilli(1700000000250L), "billing"));
        params.setQueue(null);
        assertThat(translator.translate(params)).isInstanceOf(Ignored.class);
    }

    private static VarSetEvent varSet(String name, String value) {
        VarSetEvent event = new VarSetEvent(new Object());
        event.setUniqueId("1700000000.12");
        event.setVariable(name);
        event.setValue(value);
        event.setTimestamp(1700000000.5);
        return event;
    }

    @Test
    void switchboardVariablesAndTheAmdResultAreKept() {
        assertThat(translator.translate(varSet("SWITCHBOARD_LEAD", "99")))
                .isEqualTo(new VariableSet(1700000000500L, "1700000000.12", "SWITCHBOARD_LEAD", "99"));
        assertThat(translator.translate(varSet("AMDSTATUS", "MACHINE")))
                .isEqualTo(new VariableSet(1700000000500L, "1700000000.12", "AMDSTATUS", "MACHINE"));
    }

    @Test
    void inheritanceUnderscoresAreDroppedFromTheName() {
        assertThat(translator.translate(varSet("__SWITCHBOARD_CAMPAIGN", "7")))
                .isInstanceOfSatisfying(
                        VariableSet.class, v -> assertThat(v.name()).isEqualTo("SWITCHBOARD_CAMPAIGN"));
    }

    @Test
    void everyOtherVariableIsIgnored() {
        for (String name : new String[] {"DIALSTATUS", "BRIDGEPEER", "AMDCAUSE", "AMDSTATUSX", "SWITCHBOARD", ""}) {
            assertThat(translator.translate(varSet(name, "x"))).isInstanceOf(Ignored.class);
        }
        assertThat(translator.translate(varSet(null, "x"))).isInstanceOf(Ignored.class);
    }

    @Test
    void theAmdVariableIsConfigurable() {
        CallTrackerSettings d = CallTrackerSettings.defaults();
        AmiEventTranslator custom = new AmiEventTranslator(
                new CallTrackerSettings(
                        d.inboundContexts(),
                        d.maxExtensionLength(),
                        d.recentlyEndedCapacity(),
                        d.dialContexts(),
                        "MYAMD"),
                new ListingRequests());

        assertThat(custom.translate(varSet("MYAMD", "HUMAN"))).isInstanceOf(VariableSet.class);
        assertThat(custom.translate(varSet("AMDSTATUS", "HUMAN"))).isInstanceOf(Ignored.class);
    }

    @Test
    void failedOriginateResponseCarriesItsReasonAndNoChannel() {
        OriginateResponseEvent event = new OriginateResponseEvent(new Object());
        event.setActionId("sb-1");
        event.setResponse("Failure");
        event.setReason(5);
        event.setUniqueId("<null>");
        event.setTimestamp(1700000001.0);

        PbxEvent translated = translator.translate(event);

        assertThat(translated).isEqualTo(new OriginateResponded(1700000001000L, "sb-1", false, 5, null));
    }

    @Test
    void successfulOriginateResponseNamesTheOriginatedChannel() {
        OriginateResponseEvent event = new OriginateResponseEvent(new Object());
        event.setActionId("sb-2");
        event.setResponse("Success");
        event.setReason(4);
        event.setUniqueId("1700000000.20");
        event.setTimestamp(1700000001.0);

        assertThat(translator.translate(event))
                .isEqualTo(new OriginateResponded(1700000001000L, "sb-2", true, 4, "1700000000.20"));
    }

    private static CoreShowChannelsCompleteEvent channelsListed(String actionId) {
        CoreShowChannelsCompleteEvent event = new CoreShowChannelsCompleteEvent(new Object());
        event.setActionId(actionId);
        event.setTimestamp(1700000002.0);
        return event;
    }

    @Test
    void onlyTheEndOfAListingWeAskedForReconcilesAndOnlyOnce() {
        String ours = listings.register();

        assertThat(translator.translate(channelsListed("someone-else"))).isInstanceOf(Ignored.class);
        assertThat(translator.translate(channelsListed(null))).isInstanceOf(Ignored.class);
        assertThat(translator.translate(channelsListed(ours))).isEqualTo(new ChannelListComplete(1700000002000L));
        assertThat(translator.translate(channelsListed(ours))).isInstanceOf(Ignored.class);
    }
}
