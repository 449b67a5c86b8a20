package io.switchboard.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CTI edge: the WebSocket server that desktops and wallboards connect to ({@code switchboard.edge.*}).
 *
 * @param enabled run the edge (off unless the application turns it on)
 * @param host address to listen on; loopback by default, behind a TLS-terminating reverse proxy
 * @param port port to listen on; 0 picks a free one (tests)
 * @param path the WebSocket path
 * @param allowedOrigins browser origins allowed to connect, such as {@code https://desk.example.com}; a handshake
 *     from any other origin (or without one) is refused with 403. {@code *} allows every origin and is for
 *     development only
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
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("8090") int port,
        @DefaultValue("/cti") String path,
        @DefaultValue List<String> allowedOrigins,
        String tokenSecret,
        @DefaultValue("60s") Duration tokenTtl,
        @DefaultValue("20s") Duration pingInterval,
        @DefaultValue("60s") Duration idleTimeout,
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
                    !allowedOrigins.isEmpty(),
                    "allowed-origins must list the origins of the desktop pages (or * for development)");
        }
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
                + ", allowedOrigins=" + allowedOrigins + ", tokenSecret=" + (tokenSecret == null ? "null" : "****")
                + ", tokenTtl=" + tokenTtl + ", pingInterval=" + pingInterval + ", idleTimeout=" + idleTimeout
                + ", maxFrameBytes=" + maxFrameBytes + ", pendingLimit=" + pendingLimit + ", writeBufferLowBytes="
                + writeBufferLowBytes + ", writeBufferHighBytes=" + writeBufferHighBytes + ", retainedLimit="
                + retainedLimit + ", ioThreads=" + ioThreads + "]";
    }
}
