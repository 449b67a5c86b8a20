package io.switchboard.api;

import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** Texts shared by every writer of problem details: the controllers' advice, the error page, Tomcat's valve. */
final class Problems {

    /** A Java type or exception in a detail tells the client nothing it can act on, and tells an attacker a lot. */
    private static final Pattern INTERNAL =
            Pattern.compile("java\\.|javax\\.|jakarta\\.|org\\.|io\\.switchboard|Exception");

    private Problems() {}

    static boolean isPlain(String detail) {
        return detail == null || !INTERNAL.matcher(detail).find();
    }

    /** The status's own words, with a hint for the statuses the container answers itself. */
    static String reason(int status) {
        return switch (status) {
            case 400 ->
                "The request is malformed (for example an encoded '/' in the path, or headers or a query"
                        + " string over the server's limit)";
            case 401 -> "Log in: HTTP Basic with your Switchboard username and password";
            case 403 -> "Your role may not do this";
            case 404 -> "Nothing here: check the path (the API lives under /api/v1)";
            case 405 -> "This path does not take this method";
            case 408 -> "The request took too long to arrive";
            case 413 -> "The request body is over the server's limit";
            case 414 -> "The URI is over the server's limit";
            case 431 -> "The request headers are over the server's limit";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "Status " + status : known.getReasonPhrase();
            }
        };
    }

    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Status " + status : known.getReasonPhrase();
    }
}
