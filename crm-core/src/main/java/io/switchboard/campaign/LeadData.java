package io.switchboard.campaign;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A lead's extra list columns, stored as a JSON object of strings. */
public final class LeadData {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private LeadData() {}

    public static String toJson(Map<String, String> data) {
        return data == null || data.isEmpty() ? null : JSON.writeValueAsString(data);
    }

    /** The fields; empty for {@code null} or text that is not such an object. */
    public static Map<String, String> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JacksonException e) {
            return Map.of();
        }
    }

    /** {@code older} with {@code newer}'s non-blank values on top: a repeated row adds to the lead. */
    public static Map<String, String> merge(Map<String, String> older, Map<String, String> newer) {
        Map<String, String> merged = new LinkedHashMap<>(older);
        newer.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
