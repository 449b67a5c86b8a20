package io.switchboard.simulator;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.switchboard.simulator.codec.AmiMessage;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Routes each action to its handler by name (case-insensitive, as Asterisk), after the login gate: before login
 * only Login, Challenge and Logoff are allowed.
 */
@Sharable
final class ActionDispatcher extends SimpleChannelInboundHandler<AmiMessage> {

    private static final Set<String> ALLOWED_BEFORE_LOGIN = Set.of("login", "challenge", "logoff");

    private final Map<String, ActionHandler> handlers;

    /** @param handlers by lower-case action name */
    ActionDispatcher(Map<String, ActionHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, AmiMessage action) {
        String name = action.action().orElse("");
        if (name.isEmpty()) {
            ctx.writeAndFlush(Responses.error(action, "Missing action in request"));
            return;
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (!SessionState.of(ctx.channel()).authenticated() && !ALLOWED_BEFORE_LOGIN.contains(key)) {
            ctx.writeAndFlush(Responses.error(action, "Permission denied"));
            return;
        }
        ActionHandler handler = handlers.get(key);
        if (handler == null) {
            ctx.writeAndFlush(Responses.error(
                    action,
                    "Invalid/unknown command: " + name + ". Use Action: ListCommands to show available commands."));
            return;
        }
        handler.handle(ctx.channel(), action);
    }
}
