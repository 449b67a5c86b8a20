package io.switchboard.gateway.edge;

import static io.switchboard.gateway.edge.EdgeTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeClientMessagesTest {

    @Test
    void pingIsAnsweredWithPong() {
        assertThat(ClientMessageHandler.reply("{\"type\":\"ping\"}").json()).isEqualTo("{\"type\":\"pong\"}");
    }

    @Test
    void unknownTypeIsAnsweredWithAnError() {
        var reply = json(ClientMessageHandler.reply("{\"type\":\"dial\",\"number\":\"+44\"}")
                .json());

        assertThat(reply.path("type").asString()).isEqualTo("error");
        assertThat(reply.path("payload").path("code").asString()).isEqualTo("unknown-type");
        assertThat(reply.path("payload").path("message").asString()).contains("dial");
    }

    @Test
    void notJsonOrWithoutTypeIsAnsweredWithMalformed() {
        assertThat(json(ClientMessageHandler.reply("ping").json())
                        .path("payload")
                        .path("code")
                        .asString())
                .isEqualTo("malformed");
        assertThat(json(ClientMessageHandler.reply("[1,2]").json())
                        .path("payload")
                        .path("code")
                        .asString())
                .isEqualTo("malformed");
        assertThat(json(ClientMessageHandler.reply("{\"type\":7}").json())
                        .path("payload")
                        .path("code")
                        .asString())
                .isEqualTo("malformed");
    }

    @Test
    void messageIsATypedEnvelopeAroundItsPayload() {
        EdgeMessage pop = EdgeMessage.essential(
                EdgeMessage.SCREEN_POP, Map.of("callId", "1700000000.42", "at", Instant.parse("2026-03-02T09:00:00Z")));

        var frame = json(pop.json());

        assertThat(frame.path("type").asString()).isEqualTo("screenPop");
        assertThat(frame.path("payload").path("callId").asString()).isEqualTo("1700000000.42");
        assertThat(frame.path("payload").path("at").asString()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(pop.delivery()).isEqualTo(EdgeMessage.Delivery.ESSENTIAL);
        assertThat(pop.key()).isEmpty();
    }

    @Test
    void stampingAnOriginKeepsTheSameFrame() {
        EdgeMessage pop = EdgeTestSupport.pop("c1");
        Instant read = Instant.now();

        EdgeMessage stamped = pop.withOrigin(read);

        assertThat(stamped.json()).isEqualTo(pop.json());
        assertThat(stamped.origin()).contains(read);
    }

    @Test
    void typesAreShortNamesNotData() {
        assertThatThrownBy(() -> EdgeMessage.essential("screen pop for +441234", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EdgeMessage.replaceable(EdgeMessage.AGENT_STATE, "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
