package io.switchboard.contact.external;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Where a value sits in a JSON answer, as configured: a JSON pointer ({@code /customer/name}, RFC 6901) or a
 * dotted path ({@code customer.name}, {@code phones.0}). A blank path is the node itself.
 */
record FieldPath(String text, JsonPointer pointer) {

    /**
     * @throws IllegalArgumentException when the text is neither a JSON pointer nor a dotted path
     */
    static FieldPath of(String text) {
        if (text == null || text.isBlank()) {
            return new FieldPath("", JsonPointer.empty());
        }
        String path = text.strip();
        if (path.startsWith("/")) {
            try {
                return new FieldPath(path, JsonPointer.compile(path));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a JSON pointer: " + path, e);
            }
        }
        if (path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new IllegalArgumentException("not a dotted path (an empty segment): " + path);
        }
        // Compiled as a pointer so that a numeric segment also picks an array element.
        StringBuilder pointer = new StringBuilder();
        for (String segment : path.split("\\.")) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return new FieldPath(path, JsonPointer.compile(pointer.toString()));
    }

    boolean isSelf() {
        return text.isEmpty();
    }

    /** The node at this path; a missing node ({@link JsonNode#isMissingNode()}) when there is none. */
    JsonNode in(JsonNode node) {
        return node.at(pointer);
    }

    @Override
    public String toString() {
        return isSelf() ? "(the answer itself)" : "'" + text + "'";
    }
}
