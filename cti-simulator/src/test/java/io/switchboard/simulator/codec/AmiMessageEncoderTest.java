package io.switchboard.simulator.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AmiMessageEncoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(AmiMessageEncoder.INSTANCE);

    private String written() {
        ByteBuf buf = channel.readOutbound();
        try {
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    @Test
    void writesFieldsInOrderEndedByABlankLine() {
        channel.writeOutbound(AmiMessage.builder()
                .add("Response", "Success")
                .add("ActionID", "1")
                .add("Ping", "Pong")
                .build());

        assertThat(written()).isEqualTo("Response: Success\r\nActionID: 1\r\nPing: Pong\r\n\r\n");
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void writesRepeatedKeysAndEmptyValues() {
        channel.writeOutbound(AmiMessage.builder()
                .add("Output", "line 1")
                .add("Output", "line 2")
                .add("AccountCode", "")
                .build());

        assertThat(written()).isEqualTo("Output: line 1\r\nOutput: line 2\r\nAccountCode: \r\n\r\n");
    }

    @Test
    void neverLetsAValueBreakTheFrame() {
        channel.writeOutbound(
                AmiMessage.builder().add("Message", "evil\r\n\r\nEvent: Forged").build());

        assertThat(written()).isEqualTo("Message: evil    Event: Forged\r\n\r\n");
    }

    @Test
    void roundTripsThroughTheDecoder() {
        AmiMessage original = AmiMessage.builder()
                .add("Action", "Originate")
                .add("Variable", "A=1: 2")
                .add("Variable", "B=3")
                .build();
        channel.writeOutbound(original);
        EmbeddedChannel decoder = new EmbeddedChannel(new AmiFrameDecoder());

        decoder.writeInbound((ByteBuf) channel.readOutbound());

        assertThat((Object) decoder.readInbound()).isEqualTo(original);
        assertThat((Object) decoder.readInbound()).isNull();
        decoder.finishAndReleaseAll();
    }
}
