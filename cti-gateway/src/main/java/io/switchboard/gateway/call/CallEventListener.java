package io.switchboard.gateway.call;

/**
 * The old way to consume call events, kept only while the campaign package is converted to {@link
 * CallEventHandlers} (its classes are being split at the same time). Do not use it for anything new.
 */
@Deprecated(forRemoval = true)
public interface CallEventListener {
    void onCallEvent(CallEvent event);

    default boolean wants(CallEvent event) {
        return true;
    }
}
