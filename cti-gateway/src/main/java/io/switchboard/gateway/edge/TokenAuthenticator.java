package io.switchboard.gateway.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.switchboard.gateway.edge.EdgeTokens.VerifiedToken;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the WebSocket handshake is complete, checks the session's token and either opens the session or closes
 * the connection with code 4401 and a reason the browser can show ("token expired", "invalid token", ...).
 *
 * <p>The token travels as the {@code token} query parameter, or as a WebSocket subprotocol
 * {@code switchboard.token.<jwt>} offered next to {@code switchboard.v1}.
 */
@Sharable
final class TokenAuthenticator extends ChannelInboundHandlerAdapter {

    static final String TOKEN_PARAMETER = "token";
    static final String PROTOCOL = "switchboard.v1";
    static final String TOKEN_PROTOCOL_PREFIX = "switchboard.token.";

    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticator.class);

    private final EdgeTokens tokens;
    private final UsedTokens usedTokens;
    private final EdgeSessions sessions;
    private final EdgeMetrics metrics;

    TokenAuthenticator(EdgeTokens tokens, UsedTokens usedTokens, EdgeSessions sessions, EdgeMetrics metrics) {
        this.tokens = tokens;
        this.usedTokens = usedTokens;
        this.sessions = sessions;
        this.metrics = metrics;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof HandshakeComplete handshake) {
            authenticate(ctx.channel(), handshake);
        }
        ctx.fireUserEventTriggered(event);
    }

    private void authenticate(Channel channel, HandshakeComplete handshake) {
        Optional<String> token = tokenOf(handshake.requestUri(), handshake.requestHeaders());
        if (token.isEmpty()) {
            refuse(channel, AuthFailure.MISSING);
            return;
        }
        VerifiedToken verified;
        try {
            verified = tokens.check(token.get());
        } catch (EdgeTokenException e) {
            log.debug("Refusing a CTI session from {}: {}", channel.remoteAddress(), e.getMessage());
            refuse(channel, AuthFailure.of(e.reason()));
            return;
        }
        if (!usedTokens.firstUse(verified.id(), verified.acceptedUntil())) {
            refuse(channel, AuthFailure.REUSED);
            return;
        }
        String username = verified.user().username();
        switch (sessions.open(channel, verified.user(), verified.login())) {
            case OPENED -> log.debug("CTI session of {} opened from {}", username, channel.remoteAddress());
            case LOGIN_ENDED -> refuse(channel, AuthFailure.REVOKED);
            case TOO_MANY -> {
                log.info(
                        "Refusing a CTI session of {} from {}: {} open already (switchboard.edge.max-sessions-per-user)",
                        username,
                        channel.remoteAddress(),
                        sessions.countOf(username));
                EdgeClose.close(
                        channel, DisconnectReason.SESSION_LIMIT, EdgeClose.TOO_MANY_SESSIONS, "too many sessions");
            }
        }
    }

    private void refuse(Channel channel, AuthFailure failure) {
        metrics.authFailed(failure);
        EdgeClose.close(channel, DisconnectReason.AUTH, EdgeClose.TOKEN_REJECTED, failure.closeText());
    }

    /** The token from the query string, else from the offered subprotocols. */
    static Optional<String> tokenOf(String uri, HttpHeaders headers) {
        List<String> fromQuery = new QueryStringDecoder(uri).parameters().getOrDefault(TOKEN_PARAMETER, List.of());
        if (!fromQuery.isEmpty() && !fromQuery.get(0).isEmpty()) {
            return Optional.of(fromQuery.get(0));
        }
        for (String offered : headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
            for (String protocol : offered.split(",")) {
                String trimmed = protocol.trim();
                if (trimmed.startsWith(TOKEN_PROTOCOL_PREFIX) && trimmed.length() > TOKEN_PROTOCOL_PREFIX.length()) {
                    return Optional.of(trimmed.substring(TOKEN_PROTOCOL_PREFIX.length()));
                }
            }
        }
        return Optional.empty();
    }
}
