package io.switchboard.campaign;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaign settings stored as JSON: the call hours and holidays as arrays of strings, the retry delays as an
 * object of seconds per outcome ({@code {"BUSY":600,"NO_ANSWER":7200}}). JSON rather than joined text, so no value
 * can contain the separator; text columns rather than a JSON type, so the same schema serves H2 and PostgreSQL.
 */
final class SettingsColumns {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, Long>> SECONDS = new TypeReference<>() {};

    private SettingsColumns() {}

    static String strings(List<String> values) {
        return JSON.writeValueAsString(values);
    }

    static List<String> strings(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, STRINGS);
    }

    static String delays(Map<AttemptOutcome, Duration> delays) {
        Map<String, Long> seconds = new LinkedHashMap<>();
        new EnumMap<>(delays).forEach((outcome, delay) -> seconds.put(outcome.name(), delay.toSeconds()));
        return JSON.writeValueAsString(seconds);
    }

    static Map<AttemptOutcome, Duration> delays(String json) {
        Map<AttemptOutcome, Duration> delays = new EnumMap<>(AttemptOutcome.class);
        if (json != null && !json.isBlank()) {
            JSON.readValue(json, SECONDS)
                    .forEach((outcome, seconds) ->
                            delays.put(AttemptOutcome.valueOf(outcome), Duration.ofSeconds(seconds)));
        }
        return delays;
    }
}
