package io.switchboard.simulator;

import java.util.Objects;

/**
 * Who calls in and where: the caller's number and name as the trunk presents them, and the DID they dialled.
 */
public record Caller(String number, String name, String did) {

    public Caller {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(did, "did");
    }
}
