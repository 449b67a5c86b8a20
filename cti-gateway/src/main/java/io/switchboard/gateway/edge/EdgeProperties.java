package io.switchboard.gateway.edge;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CTI edge: the WebSocket server that desktops and wallboards connect to ({@code switchboard.edge.*}).
 *
 * @param enabled run the edge (off unless the application turns it on)
 * @param host address to listen on: every interface by default, as the pages' server does (the application sets it
 *     to {@code server.address} when that is set); {@code 127.0.0.1} keeps it to this machine, e.g. behind a
 *     TLS-terminating reverse proxy on the same host
 * @param port port to listen on; 0 picks a free one (tests)
 * @param path the WebSocket path
 * @param allowedOrigins browser origins allowed to connect besides the same-host ones, such as
 *     {@code https://desk.example.com}; a handshake from any other origin (or without one) is refused with 403.
 *     {@code *} allows every origin and is for development only
 * @param sameHostOrigins also allow a page whose origin's host is the host the browser connected to (its
 *     {@code Host} header): pages on {@code http://10.1.2.3:8080} open {@code ws://10.1.2.3:8090/cti}, whichever
 *     name or address the desktop used. A page of another site cannot pass this: its origin names its own host
 * @param publicUrl the WebSocket URL desktops should use, answered with each token: an absolute
 *     {@code ws://}/{@code wss://} URL (a reverse proxy's, such as {@code wss://desk.example.com/cti}) or a path
 *     such as {@code /cti} under the pages' own origin. Unset, the token's answer names the host the page was
 *     loaded from with this edge's port and path
 * @param handshakeTimeout a connection that has not completed its WebSocket handshake this long after it opened
 *     is dropped, however slowly it keeps sending
 * @param maxSessionsPerUser sessions one user may have open at once; a further one is refused (close code 4409)
 * @param tokenSecret the HS256 secret that signs session tokens, at least 32 bytes; from the environment or a
 *     secrets file, never from code. Every node that issues or checks tokens needs the same one
 * @param tokenTtl how long a token may be used to open a session
 * @param pingInterval the server pings a client that has sent nothing for this long
 * @param idleTimeout a client that sends nothing (not even a pong) for this long is disconnected
 * @param maxFrameBytes largest message a client may send; a larger one closes the session (1009)
 * @param pendingLimit messages held for a client that is not reading fast enough; past it, the oldest replaceable
 *     ones are dropped, and a client with more essential messages than this is disconnected
 * @param writeBufferLowBytes a backed-up connection takes messages directly again below this many bytes
 * @param writeBufferHighBytes above this many bytes queued in the socket, messages wait in the pending buffer
 * @param retainedLimit retained messages kept per user (a pop per ringing call); the oldest is dropped past it
 * @param ioThreads Netty I/O threads serving the sessions
 */
@ConfigurationProperties("switchboard.edge")
public record EdgeProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0.0.0.0") String host,
        @DefaultValue("8090") int port,
        @DefaultValue("/cti") String path,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("true") boolean sameHostOrigins,
        String publicUrl,
        String tokenSecret,
        @DefaultValue("60s") Duration tokenTtl,
        @DefaultValue("20s") Duration pingInterval,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("10s") Duration handshakeTimeout,
        @DefaultValue("8") int maxSessionsPerUser,
        @DefaultValue("65536") int maxFrameBytes,
        @DefaultValue("256") int pendingLimit,
        @DefaultValue("32768") int writeBufferLowBytes,
        @DefaultValue("65536") int writeBufferHighBytes,
        @DefaultValue("16") int retainedLimit,
        @DefaultValue("2") int ioThreads) {

    static final Duration MAX_TOKEN_TTL = Duration.ofMinutes(10);

    public EdgeProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        require(host != null && !host.isBlank(), "host must be set");
        require(port >= 0 && port <= 65535, "port must be between 0 and 65535");
        require(path != null && path.startsWith("/") && !path.contains("?"), "path must start with / (e.g. /cti)");
        require(positive(tokenTtl) && tokenTtl.compareTo(MAX_TOKEN_TTL) <= 0, "token-ttl must be between 0 and 10m");
        require(positive(pingInterval), "ping-interval must be positive");
        require(
                positive(idleTimeout) && idleTimeout.compareTo(pingInterval) > 0,
                "idle-timeout must be longer than ping-interval");
        require(positive(handshakeTimeout), "handshake-timeout must be positive");
        require(maxSessionsPerUser >= 1, "max-sessions-per-user must be at least 1");
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : validPublicUrl(publicUrl.trim());
        require(maxFrameBytes >= 1024, "max-frame-bytes must be at least 1024");
        require(pendingLimit >= 1, "pending-limit must be at least 1");
        require(
                writeBufferLowBytes > 0 && writeBufferLowBytes <= writeBufferHighBytes,
                "write-buffer-low-bytes must be positive and at most write-buffer-high-bytes");
        require(retainedLimit >= 1, "retained-limit must be at least 1");
        require(ioThreads >= 1, "io-threads must be at least 1");
        for (String origin : allowedOrigins) {
            OriginPolicy.validate(origin);
        }
        if (enabled) {
            require(
                    tokenSecret != null
                            && tokenSecret.getBytes(StandardCharsets.UTF_8).length >= EdgeTokens.MIN_SECRET_BYTES,
                    "token-secret must be set (from the environment or a secrets file) and be at least "
                            + EdgeTokens.MIN_SECRET_BYTES + " bytes when the CTI edge is enabled");
            require(
                    sameHostOrigins || !allowedOrigins.isEmpty(),
                    "allowed-origins must list the origins of the desktop pages (or * for development) when"
                            + " same-host-origins is false");
        }
    }

    /** The URL desktops are told to use, if one is configured. */
    public Optional<String> publicUrlIfSet() {
        return Optional.ofNullable(publicUrl);
    }

    private static String validPublicUrl(String url) {
        if (url.startsWith("/") && !url.startsWith("//") && !url.contains("?") && !url.contains("#")) {
            return url;
        }
        try {
            URI uri = new URI(url);
            boolean webSocket = "ws".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme());
            if (webSocket && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below, with the setting's name
        }
        throw new IllegalArgumentException("switchboard.edge.public-url: '" + url
                + "' is neither a ws:// or wss:// URL (wss://desk.example.com/cti) nor a path (/cti)");
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("switchboard.edge." + message);
        }
    }

    @Override
    public String toString() {
        // The secret stays out of logs and failure reports.
        return "EdgeProperties[enabled=" + enabled + ", host=" + host + ", port=" + port + ", path=" + path
                + ", allowedOrigins=" + allowedOrigins + ", sameHostOrigins=" + sameHostOrigins + ", publicUrl="
                + publicUrl + ", tokenSecret=" + (tokenSecret == null ? "null" : "****")
                + ", tokenTtl=" + tokenTtl + ", pingInterval=" + pingInterval + ", idleTimeout=" + idleTimeout
                + ", handshakeTimeout=" + handshakeTimeout + ", maxSessionsPerUser=" + maxSessionsPerUser
                + ", maxFrameBytes=" + maxFrameBytes + ", pendingLimit=" + pendingLimit + ", writeBufferLowBytes="
                + writeBufferLowBytes + ", writeBufferHighBytes=" + writeBufferHighBytes + ", retainedLimit="
                + retainedLimit + ", ioThreads=" + ioThreads + "]";
    }
}
