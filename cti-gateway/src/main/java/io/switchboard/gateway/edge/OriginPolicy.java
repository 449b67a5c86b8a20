package io.switchboard.gateway.edge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may open a session. Browsers always send {@code Origin} on a WebSocket handshake, so a
 * page on another site cannot ride on a user's login; a handshake without an origin is refused unless every
 * origin is allowed ({@code *}, development only).
 *
 * <p>Besides the configured origins, a page served from the host the browser connected to is allowed (unless
 * {@code same-host-origins} is off): the pages and the edge are one server on two ports, so
 * {@code http://10.1.2.3:8080} may open {@code ws://10.1.2.3:8090/cti} and {@code http://desk:8080} may open
 * {@code ws://desk:8090/cti}, whatever name or address the desktop used, with nothing to configure. Another site's
 * page cannot pass: its {@code Origin} names its own host, which is not the host the browser opened the socket to.
 */
final class OriginPolicy {

    static final String ANY = "*";

    private final boolean any;
    private final boolean sameHost;
    private final Set<String> allowed;

    OriginPolicy(List<String> origins) {
        this(origins, false);
    }

    OriginPolicy(List<String> origins, boolean sameHost) {
        this.any = origins.contains(ANY);
        this.sameHost = sameHost;
        this.allowed = origins.stream()
                .filter(origin -> !ANY.equals(origin))
                .map(OriginPolicy::validate)
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(String origin) {
        return allows(origin, null);
    }

    /**
     * Whether a handshake with this {@code Origin} may go on; {@code host} is its {@code Host} header (the name or
     * address, and maybe port, the browser connected to), or null.
     */
    boolean allows(String origin, String host) {
        if (any) {
            return true;
        }
        if (origin == null) {
            return false;
        }
        try {
            String normalised = normalise(origin);
            return allowed.contains(normalised) || (sameHost && sameHost(normalised, host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameHost(String normalisedOrigin, String hostHeader) {
        Optional<String> connectedTo = hostOf(hostHeader);
        return connectedTo.isPresent()
                && connectedTo.get().equals(URI.create(normalisedOrigin).getHost());
    }

    /** The host of a {@code Host} header ({@code name}, {@code name:port}, {@code [v6]:port}), lower case. */
    static Optional<String> hostOf(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return Optional.empty();
        }
        try {
            String host = new URI("http://" + hostHeader.trim() + "/").getHost();
            return Optional.ofNullable(host).map(name -> name.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
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
