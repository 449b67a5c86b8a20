package io.switchboard.campaign.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.AmiProperties;
import io.switchboard.gateway.call.CallEventBus;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.DialRequest;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.PbxNotOwnedException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The gateway's failures, as the dialer reads them: whether the PBX may have the call. */
class DialFailureTest {

    @Test
    void aLinkThisNodeDoesNotHoldNeverSendsTheOriginate() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CallEventBus bus = new CallEventBus(registry)) {
            // never started, as a stopping node's link: the gateway's own refusal, in its own words
            AmiGateway link = new AmiGateway(
                    AmiProperties.forLocal(1, "admin", "switchboard"), CallTrackerSettings.defaults(), bus, registry);
            Throwable refused = link.commands()
                    .dial(DialRequest.toQueue(
                            "+4930555001", "+4930555000", "campaign", Duration.ofSeconds(5), Map.of()))
                    .handle((id, failure) -> failure)
                    .join();
            assertThat(DialFailure.of(refused)).isEqualTo(DialFailure.NOT_SENT);
        }
    }

    @Test
    void aRelayedDialTheOwnerRefusedToSendIsNotSentOneNobodyAnsweredIsUnknown() {
        assertThat(DialFailure.of(new CompletionException(new PbxNotOwnedException("east", "Originate"))))
                .isEqualTo(DialFailure.NOT_SENT);
        assertThat(DialFailure.of(new PbxNotOwnedException("east", "Originate", Duration.ofSeconds(7))))
                .isEqualTo(DialFailure.UNKNOWN);
    }

    @Test
    void noResponseFromThePbxIsUnknownItsRefusalIsARefusal() {
        assertThat(DialFailure.of(new PbxCommandException("Originate got no response: the PBX link dropped")))
                .isEqualTo(DialFailure.UNKNOWN);
        assertThat(DialFailure.of(new PbxCommandException("Originate got no response from the PBX within 5000 ms")))
                .isEqualTo(DialFailure.UNKNOWN);
        assertThat(DialFailure.of(new PbxCommandException("Originate refused by the PBX: Extension does not exist.")))
                .isEqualTo(DialFailure.REFUSED);
        assertThat(DialFailure.of(new IllegalArgumentException("a PBX command field must be a single line")))
                .isEqualTo(DialFailure.REFUSED);
        assertThat(DialFailure.of(new RejectedExecutionException("stopping"))).isEqualTo(DialFailure.NOT_SENT);
    }
}
