package io.switchboard.gateway.edge;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of the edge protocol: the frame envelope written to clients and the parsing of what they send. */
final class EdgeJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Every frame the edge writes: {@code {"type":"...","payload":...}}, without payload when there is none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Frame(String type, Object payload) {}

    private EdgeJson() {}

    static byte[] frame(String type, Object payload) {
        try {
            return MAPPER.writeValueAsBytes(new Frame(type, payload));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The payload of a " + type + " message cannot be written as JSON", e);
        }
    }

    /** The tree of a client's text frame; a {@link JacksonException} when it is not JSON. */
    static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }
}
