package io.switchboard.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP endpoint where PBXes other than Asterisk post their call events (see {@code docs/pbx-webhook.md}).
 *
 * @param enabled whether to listen at all
 * @param host address to bind; loopback by default, so exposing the webhook is a deliberate choice
 * @param port TCP port ({@code 0} picks a free one, for tests)
 * @param secret the shared HMAC-SHA256 key the PBX signs with, at least {@value #MIN_SECRET_BYTES} bytes; it comes
 *     from configuration (environment, secrets file), never from code
 * @param signatureTolerance how far a request's signed timestamp may be from now, either way; older requests are
 *     refused as replays
 * @param maxBodyBytes largest request body accepted; larger ones are answered 413
 * @param dedupCapacity how many event ids are remembered to recognise a repeated event
 * @param dedupWindow how long an event id is remembered (whichever limit is reached first)
 * @param queueCapacity events buffered between the HTTP threads and the call tracker thread; when it is full the
 *     webhook answers 503 with Retry-After and the PBX retries
 * @param idleTimeout a connection that sends nothing for this long is closed
 * @param requestTimeout a request must arrive whole (headers and body) within this long of its first byte, or it
 *     is answered 408 and the connection closed, however steadily a slow client keeps sending
 * @param pbxName names the PBX in metrics tags, logs and health; letters, digits, {@code .}, {@code _}, {@code -}
 * @param queues the queue names events may carry; empty takes any well-formed name (see {@link WebhookQueues}) up to
 *     {@code maxQueues}
 * @param maxQueues how many distinct queue names the webhook accepts when {@code queues} is empty: each becomes a row
 *     of the wallboard, so a PBX (or whoever holds its secret) cannot grow it without bound
 */
@ConfigurationProperties("switchboard.webhook")
public record WebhookProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("8091") int port,
        String secret,
        @DefaultValue("5m") Duration signatureTolerance,
        @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue("100000") int dedupCapacity,
        @DefaultValue("24h") Duration dedupWindow,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("webhook") String pbxName,
        List<String> queues,
        @DefaultValue("100") int maxQueues) {

    /** 256 bits: a shorter key would be weaker than the HMAC-SHA256 it keys. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public WebhookProperties {
        if (enabled) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(
                        "switchboard.webhook.secret must be set (from the environment or a secrets file) when the webhook is enabled");
            }
            if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("switchboard.webhook.secret must be at least " + MIN_SECRET_BYTES
                        + " bytes long (for example 64 hex digits from `openssl rand -hex 32`)");
            }
        }
        require(host != null && !host.isBlank(), "host must be set");
        require(port >= 0 && port <= 65_535, "port must be between 0 and 65535");
        require(isPositive(signatureTolerance), "signature-tolerance must be positive");
        require(maxBodyBytes >= 1024 && maxBodyBytes <= 16 * 1024 * 1024, "max-body-bytes must be 1 KiB to 16 MiB");
        require(dedupCapacity > 0, "dedup-capacity must be positive");
        require(isPositive(dedupWindow), "dedup-window must be positive");
        require(queueCapacity > 0, "queue-capacity must be positive");
        require(isPositive(idleTimeout), "idle-timeout must be positive");
        require(isPositive(requestTimeout), "request-timeout must be positive");
        require(pbxName != null && NAME.matcher(pbxName).matches(), "pbx-name must be 1-64 of [A-Za-z0-9._-]");
        queues = queues == null ? List.of() : List.copyOf(queues);
        require(queues.stream().allMatch(WebhookQueues::wellFormed), "queues must be 1-64 of [A-Za-z0-9 ._@+-] each");
        require(maxQueues >= 1 && maxQueues <= 10_000, "max-queues must be 1 to 10000");
    }

    /** An enabled webhook on a free loopback port with the other defaults (tests, local tools). */
    public static WebhookProperties forLocal(String secret) {
        return new WebhookProperties(
                true,
                "127.0.0.1",
                0,
                secret,
                Duration.ofMinutes(5),
                65_536,
                100_000,
                Duration.ofHours(24),
                10_000,
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                "webhook",
                List.of(),
                100);
    }

    WebhookProperties withLimits(int maxBodyBytes, int queueCapacity) {
        return new WebhookProperties(
                enabled,
                host,
                port,
                secret,
                signatureTolerance,
                maxBodyBytes,
                dedupCapacity,
                dedupWindow,
                queueCapacity,
                idleTimeout,
                requestTimeout,
                pbxName,
                queues,
                maxQueues);
    }

    WebhookProperties withRequestTimeout(Duration timeout) {
        return new WebhookProperties(
                enabled,
                host,
                port,
                secret,
                signatureTolerance,
                maxBodyBytes,
                dedupCapacity,
                dedupWindow,
                queueCapacity,
                idleTimeout,
                timeout,
                pbxName,
                queues,
                maxQueues);
    }

    /** Keeps the secret out of logs and failure analyses. */
    @Override
    public String toString() {
        return "WebhookProperties[enabled=" + enabled + ", host=" + host + ", port=" + port + ", secret="
                + (secret == null ? "unset" : "***") + ", signatureTolerance=" + signatureTolerance
                + ", maxBodyBytes=" + maxBodyBytes + ", dedupCapacity=" + dedupCapacity + ", dedupWindow="
                + dedupWindow + ", queueCapacity=" + queueCapacity + ", idleTimeout=" + idleTimeout
                + ", requestTimeout=" + requestTimeout + ", pbxName=" + pbxName + ", queues=" + queues
                + ", maxQueues=" + maxQueues + "]";
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("switchboard.webhook." + message);
        }
    }
}
