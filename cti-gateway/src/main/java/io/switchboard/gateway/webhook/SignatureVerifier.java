package io.switchboard.gateway.webhook;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lets through only requests signed with the shared secret at a time close to now; answers the rest 401 before
 * their body is even parsed. The timestamp is checked after the signature, so a stale request with a good signature
 * (a replay) is told apart from a forged one only by those who hold the secret.
 */
@Sharable
final class SignatureVerifier extends SimpleChannelInboundHandler<WebhookRequest> {

    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

    private final WebhookSignature signature;
    private final Duration tolerance;
    private final Clock clock;
    private final Replies replies;

    SignatureVerifier(WebhookSignature signature, Duration tolerance, Clock clock, Replies replies) {
        this.signature = signature;
        this.tolerance = tolerance;
        this.clock = clock;
        this.replies = replies;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebhookRequest request) {
        Optional<String> problem = problem(request);
        if (problem.isPresent()) {
            replies.refuse(ctx, request.keepAlive(), Outcome.UNAUTHORIZED, problem.get());
        } else {
            ctx.fireChannelRead(request);
        }
    }

    private Optional<String> problem(WebhookRequest request) {
        if (request.timestamp() == null) {
            return Optional.of("missing " + WebhookSignature.TIMESTAMP_HEADER + " header (Unix time in seconds)");
        }
        if (request.signature() == null) {
            return Optional.of("missing " + WebhookSignature.SIGNATURE_HEADER + " header");
        }
        if (!UNIX_SECONDS.matcher(request.timestamp()).matches()) {
            return Optional.of(WebhookSignature.TIMESTAMP_HEADER + " must be Unix time in whole seconds");
        }
        if (!signature.matches(request.signature(), request.timestamp(), request.body())) {
            return Optional.of(
                    WebhookSignature.SIGNATURE_HEADER + " does not match: it must be " + WebhookSignature.SCHEME
                            + " and the hex HMAC-SHA256, under the shared secret, of the timestamp header, '.' and the body");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(request.timestamp()));
        if (skew > tolerance.toSeconds()) {
            return Optional.of(
                    WebhookSignature.TIMESTAMP_HEADER + " is " + skew + " s from the server's clock, more than "
                            + tolerance.toSeconds() + " s: a replayed request, or a PBX clock that is off");
        }
        return Optional.empty();
    }
}
