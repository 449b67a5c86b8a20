package io.switchboard.simulator.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A manager message (action, response or event): an ordered list of fields. Keys may repeat ({@code Variable},
 * {@code Output}); lookups ignore case, as Asterisk does.
 */
public record AmiMessage(List<AmiField> fields) implements InboundFrame {

    public AmiMessage {
        fields = List.copyOf(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of {@code key}, ignoring case. */
    public Optional<String> get(String key) {
        for (AmiField field : fields) {
            if (field.key().equalsIgnoreCase(key)) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }

    /** The value of {@code key} or {@code fallback} when absent. */
    public String getOr(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** Every value of a repeated key, in order. */
    public List<String> getAll(String key) {
        List<String> values = new ArrayList<>();
        for (AmiField field : fields) {
            if (field.key().equalsIgnoreCase(key)) {
                values.add(field.value());
            }
        }
        return values;
    }

    public Optional<String> actionId() {
        return get("ActionID");
    }

    /** The action name of an inbound action, empty for responses and events. */
    public Optional<String> action() {
        return get("Action");
    }

    public static final class Builder {
        private final List<AmiField> fields = new ArrayList<>();

        public Builder add(String key, String value) {
            fields.add(new AmiField(key, value == null ? "" : value));
            return this;
        }

        public Builder add(String key, long value) {
            return add(key, Long.toString(value));
        }

        /** Adds {@code ActionID} only when the action carried one, as Asterisk does. */
        public Builder actionId(Optional<String> actionId) {
            actionId.ifPresent(id -> add("ActionID", id));
            return this;
        }

        public AmiMessage build() {
            return new AmiMessage(fields);
        }
    }
}
