package io.switchboard.contact.external;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The configured lookup URL with the caller's number filled in, URL-encoded. */
final class UrlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Map<String, Function<ExternalQuery, String>> VALUES =
            Map.of("e164", ExternalQuery::e164, "national", ExternalQuery::national, "raw", ExternalQuery::raw);

    private final String template;

    UrlTemplate(String template) {
        check(template);
        this.template = template.strip();
    }

    /**
     * @throws IllegalArgumentException when the template is not an http(s) URL or names an unknown placeholder
     */
    static void check(String template) {
        String text = template.strip();
        if (!text.startsWith("http://") && !text.startsWith("https://")) {
            throw new IllegalArgumentException("url-template must be an http:// or https:// URL: " + text);
        }
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            if (!VALUES.containsKey(placeholders.group(1))) {
                throw new IllegalArgumentException("url-template has an unknown placeholder {" + placeholders.group(1)
                        + "}; known are {e164}, {national} and {raw}");
            }
        }
        try {
            URI.create(fill(text, name -> "0"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url-template is not a valid URL: " + e.getMessage(), e);
        }
    }

    URI expand(ExternalQuery query) {
        return URI.create(fill(template, name -> VALUES.get(name).apply(query)));
    }

    /** What logs show: the template without its query string, which may carry a key. Never a caller's number. */
    String redacted() {
        int query = template.indexOf('?');
        return query < 0 ? template : template.substring(0, query) + "?...";
    }

    private static String fill(String template, Function<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder url = new StringBuilder();
        while (placeholders.find()) {
            // URLEncoder is form encoding: a space would become '+', which a path does not read as a space.
            String value = URLEncoder.encode(values.apply(placeholders.group(1)), StandardCharsets.UTF_8)
                    .replace("+", "%20");
            placeholders.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(url);
        return url.toString();
    }

    @Override
    public String toString() {
        return redacted();
    }
}
