package io.switchboard.gateway.edge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may open a session. Browsers always send {@code Origin} on a WebSocket handshake, so a
 * page on another site cannot ride on a user's login; a handshake without an origin is refused unless every
 * origin is allowed ({@code *}, development only).
 */
final class OriginPolicy {

    static final String ANY = "*";

    private final boolean any;
    private final Set<String> allowed;

    OriginPolicy(List<String> origins) {
        this.any = origins.contains(ANY);
        this.allowed = origins.stream()
                .filter(origin -> !ANY.equals(origin))
                .map(OriginPolicy::validate)
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(String origin) {
        if (any) {
            return true;
        }
        if (origin == null) {
            return false;
        }
        try {
            return allowed.contains(normalise(origin));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Checks a configured origin and returns it normalised; {@code *} is accepted as it is. */
    static String validate(String origin) {
        if (ANY.equals(origin)) {
            return origin;
        }
        try {
            return normalise(origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "switchboard.edge.allowed-origins: '" + origin
                            + "' is not an origin like https://desk.example.com[:port] (or *)",
                    e);
        }
    }

    /** scheme://host[:port] in lower case, without a default port or a trailing slash. */
    static String normalise(String origin) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        String path = uri.getRawPath();
        boolean web = "http".equals(scheme) || "https".equals(scheme);
        if (!web
                || host == null
                || (path != null && !path.isEmpty() && !"/".equals(path))
                || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("not an http(s) origin");
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
