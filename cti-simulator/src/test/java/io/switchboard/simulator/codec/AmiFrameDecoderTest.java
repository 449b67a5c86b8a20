package io.switchboard.simulator.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AmiFrameDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new AmiFrameDecoder());

    @AfterEach
    void nothingLeftOver() {
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    private void write(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private <T> T read(Class<T> type) {
        Object frame = channel.readInbound();
        assertThat(frame).isInstanceOf(type);
        return type.cast(frame);
    }

    @Test
    void decodesAnActionWithFieldsInOrder() {
        write("Action: Login\r\nUsername: admin\r\nSecret: s3cret\r\nActionID: 7\r\n\r\n");

        AmiMessage login = read(AmiMessage.class);

        assertThat(login.fields())
                .extracting(AmiField::key)
                .containsExactly("Action", "Username", "Secret", "ActionID");
        assertThat(login.action()).contains("Login");
        assertThat(login.actionId()).contains("7");
    }

    @Test
    void looksUpKeysIgnoringCase() {
        write("action: Ping\r\nactionid: a-1\r\n\r\n");

        AmiMessage ping = read(AmiMessage.class);

        assertThat(ping.get("Action")).contains("Ping");
        assertThat(ping.get("ACTIONID")).contains("a-1");
    }

    @Test
    void joinsAFrameSplitAcrossReads() {
        write("Action: Pi");
        write("ng\r");
        assertThat((Object) channel.readInbound()).isNull();
        write("\nActionID: 1\r\n\r");
        assertThat((Object) channel.readInbound()).isNull();
        write("\n");

        assertThat(read(AmiMessage.class).action()).contains("Ping");
    }

    @Test
    void decodesSeveralFramesFromOneRead() {
        write("Action: Ping\r\n\r\nAction: Logoff\r\n\r\n");

        assertThat(read(AmiMessage.class).action()).contains("Ping");
        assertThat(read(AmiMessage.class).action()).contains("Logoff");
    }

    @Test
    void keepsRepeatedKeys() {
        write("Action: Originate\r\nVariable: A=1\r\nVariable: B=2\r\n\r\n");

        assertThat(read(AmiMessage.class).getAll("variable")).containsExactly("A=1", "B=2");
    }

    @Test
    void splitsOnlyOnTheFirstColon() {
        write("Action: Command\r\nCommand: core show channel IAX2/x: y: z\r\n\r\n");

        assertThat(read(AmiMessage.class).get("Command")).contains("core show channel IAX2/x: y: z");
    }

    @Test
    void acceptsBareLineFeedsAndEmptyValues() {
        write("Action: Ping\nAccountCode:\n\n");

        AmiMessage ping = read(AmiMessage.class);
        assertThat(ping.get("AccountCode")).contains("");
    }

    @Test
    void ignoresBlankLinesBetweenFrames() {
        write("\r\n\r\nAction: Ping\r\n\r\n\r\n");

        assertThat(read(AmiMessage.class).action()).contains("Ping");
    }

    @Test
    void reportsAnOversizeLineAndRecoversForTheNextFrame() {
        String huge = "x".repeat(70 * 1024);
        write("Action: Ping\r\nActionID: big-1\r\nVariable: " + huge.substring(0, 30_000));
        write(huge.substring(30_000) + "\r\n\r\nAction: Ping\r\nActionID: ok\r\n\r\n");

        MalformedFrame bad = read(MalformedFrame.class);
        assertThat(bad.reason()).isEqualTo(MalformedReason.LINE_TOO_LONG);
        assertThat(bad.actionId()).contains("big-1");
        assertThat(read(AmiMessage.class).actionId()).contains("ok");
    }

    @Test
    void reportsAnOversizeLineThatArrivesWithoutItsEnd() {
        write("Action: Ping\r\nVariable: " + "y".repeat(65 * 1024));
        write("yyyy\r\n\r\n");

        MalformedFrame bad = read(MalformedFrame.class);
        assertThat(bad.reason()).isEqualTo(MalformedReason.LINE_TOO_LONG);
        assertThat(bad.actionId()).isEmpty();
    }

    @Test
    void reportsALineWithoutAColon() {
        write("Action: Ping\r\nActionID: nc-1\r\nthis line has no separator\r\n\r\n");

        MalformedFrame bad = read(MalformedFrame.class);
        assertThat(bad).isEqualTo(new MalformedFrame(MalformedReason.NO_COLON, Optional.of("nc-1")));
    }

    @Test
    void reportsBinaryGarbage() {
        channel.writeInbound(
                Unpooled.wrappedBuffer(new byte[] {0x00, 0x01, (byte) 0xff, 0x02, '\r', '\n', '\r', '\n'}));

        assertThat(read(MalformedFrame.class).reason()).isEqualTo(MalformedReason.BINARY);
    }

    @Test
    void reportsTooManyLines() {
        StringBuilder frame = new StringBuilder("Action: Originate\r\n");
        for (int i = 0; i < 300; i++) {
            frame.append("Variable: v").append(i).append("=1\r\n");
        }
        write(frame + "\r\n");

        assertThat(read(MalformedFrame.class).reason()).isEqualTo(MalformedReason.TOO_MANY_LINES);
    }

    @Test
    void dropsAFrameCutOffByTheConnectionClosing() {
        write("Action: Ping\r\nActionID: 1\r\n");

        channel.finish();

        assertThat((Object) channel.readInbound()).isNull();
    }
}
