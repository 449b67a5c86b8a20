package io.switchboard.desktop;

import io.switchboard.gateway.edge.EdgeMessage;
import java.time.Instant;

/**
 * What one node asks the others' edges to do, on the {@code desktop} topic: one of the {@link Desktops} calls, with
 * the message as its frame's text (the receiving edge sends the same bytes).
 *
 * @param action which call
 * @param username whose desktops ({@code null} for {@link Action#PUBLISH})
 * @param key the retained message's key ({@link Action#RETAIN}, {@link Action#RELEASE}) or the login
 *     ({@link Action#END_LOGIN})
 * @param audience for {@link Action#PUBLISH}
 * @param message the message, for the actions that send one
 */
record DesktopOrder(Action action, String username, String key, Audience audience, Message message) {

    enum Action {
        SEND,
        PUBLISH,
        RETAIN,
        RELEASE,
        END_LOGIN,
        END_USER,
        RESUME_USER
    }

    /** An {@link EdgeMessage} as it crosses: its origin keeps pop latency measured from the PBX event. */
    record Message(String type, EdgeMessage.Delivery delivery, String key, String frame, Instant origin) {

        static Message of(EdgeMessage message) {
            return new Message(
                    message.type(),
                    message.delivery(),
                    message.key().orElse(null),
                    message.json(),
                    message.origin().orElse(null));
        }

        EdgeMessage toEdgeMessage() {
            EdgeMessage message = EdgeMessage.ofFrame(type, delivery, key, frame);
            return origin == null ? message : message.withOrigin(origin);
        }
    }
}
