package io.switchboard.simulator.codec;

import java.util.Objects;

/** One {@code Key: Value} line of a manager message. Keys keep the case they were sent with. */
public record AmiField(String key, String value) {

    public AmiField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
