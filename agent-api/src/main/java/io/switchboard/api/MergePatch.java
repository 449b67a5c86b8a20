package io.switchboard.api;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396): the fields a patch names replace the target's, {@code null} removes one, objects
 * merge recursively, everything else (arrays included) is replaced whole. The RFC gives the algorithm in eight
 * lines; this is those lines (Jackson has no implementation, and JSON-P's would mean converting both ways).
 */
final class MergePatch {

    static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {}

    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
