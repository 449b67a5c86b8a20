package io.switchboard.simulator;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Names and ids as Asterisk makes them: Uniqueids, Local channel sequence numbers, trunk call numbers, bridges. */
final class IdGenerator {

    private long uniqueidCounter;
    private long localSequence;
    private int trunkCallNumber = ThreadLocalRandom.current().nextInt(1000, 9000);

    /** {@code <epoch seconds>.<counter>}, the counter shared by all channels as in Asterisk. */
    String uniqueid(long epochMicros) {
        return epochMicros / 1_000_000 + "." + uniqueidCounter++;
    }

    /** {@code Local/<exten>@<context>-0000000a} without the {@code ;1}/{@code ;2} suffix. */
    String localChannelBase(String exten, String context) {
        return "Local/" + exten + "@" + context + "-" + channelSequence();
    }

    /** The 8-digit hex sequence Asterisk appends to Local and SIP channel names. */
    String channelSequence() {
        String hex = Long.toHexString(localSequence++);
        return "00000000".substring(Math.min(8, hex.length())) + hex;
    }

    /** {@code IAX2/carrier-NNNN}: IAX2 names calls by a call number below 32768. */
    String trunkChannel() {
        trunkCallNumber = trunkCallNumber >= 32767 ? 1 : trunkCallNumber + 1;
        return "IAX2/carrier-" + trunkCallNumber;
    }

    String bridgeId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    String challenge() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
    }
}
