package io.switchboard.api;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A plain RFC 9457 problem as JSON text, for the writers that run outside Spring MVC (error page, Tomcat valve). */
final class ProblemJson {

    static final String MEDIA_TYPE = "application/problem+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {}

    static String of(int status, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", Problems.title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            // the path as received, shortened: it may be the very thing that was too long
            problem.put("instance", instance.length() > 200 ? instance.substring(0, 200) + "..." : instance);
        }
        return JSON.writeValueAsString(problem);
    }
}
