package io.switchboard.bench;

/** Where a {@link DesktopHandler} hands what its desktop receives: the pop benchmark's or the nodes benchmark's. */
interface PopSink {

    /** A {@code screenPop} frame, with when it arrived (wall-clock microseconds and {@code System.nanoTime()}). */
    void screenPop(String extension, String json, long receivedMicros, long receivedNanos);

    /** Any other message, by its {@code type}. */
    void other(String type);

    /** The server closed the session. */
    void closed(String codeAndReason);
}
