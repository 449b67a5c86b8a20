package io.switchboard.gateway.cluster;

import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A kind of message between nodes and the record that carries it, written as JSON with Jackson: readable in a
 * database's log, and any record the rest of Switchboard already sends as JSON crosses without a codec of its own.
 *
 * @param name the topic: a short token, also the {@code topic} tag of the bus's metrics
 * @param type the record a message of this topic is read into
 */
public record ClusterTopic<T>(String name, Class<T> type) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]{0,39}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ClusterTopic {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "A topic is a short lower-case name such as desktop or call-events, got: " + name);
        }
        Objects.requireNonNull(type, "type");
    }

    public static <T> ClusterTopic<T> of(String name, Class<T> type) {
        return new ClusterTopic<>(name, type);
    }

    public String encode(T message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("A " + name + " message cannot be written as JSON: " + e, e);
        }
    }

    /** The record in {@code payload}; an {@link IllegalArgumentException} when it is not one. */
    public T decode(String payload) {
        try {
            return JSON.readValue(payload, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a " + name + " message: " + e.getOriginalMessage(), e);
        }
    }
}
