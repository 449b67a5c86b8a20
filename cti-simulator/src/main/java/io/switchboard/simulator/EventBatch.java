package io.switchboard.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.Executor;

/**
 * Collects encoded events on the PBX thread into one buffer and hands it to the sessions when it is full or when
 * the PBX thread has finished the work queued so far, so events go out in a few large writes instead of one
 * write per event. Only the PBX thread uses it.
 */
final class EventBatch {

    private static final int INITIAL_CAPACITY = 64 * 1024;
    private static final int FLUSH_THRESHOLD = 48 * 1024;

    private final SessionRegistry sessions;
    private final Executor pbxThread;
    private final ByteBufAllocator allocator;
    private ByteBuf buffer;
    private boolean flushQueued;
    private volatile long eventsSent;

    EventBatch(SessionRegistry sessions, Executor pbxThread, ByteBufAllocator allocator) {
        this.sessions = sessions;
        this.pbxThread = pbxThread;
        this.allocator = allocator;
    }

    /** The buffer to encode the next event into. */
    ByteBuf buffer() {
        if (buffer == null) {
            buffer = allocator.directBuffer(INITIAL_CAPACITY);
        }
        if (!flushQueued) {
            flushQueued = true;
            pbxThread.execute(this::flush);
        }
        return buffer;
    }

    void eventWritten() {
        eventsSent++;
        if (buffer.readableBytes() >= FLUSH_THRESHOLD) {
            flush();
        }
    }

    long eventsSent() {
        return eventsSent;
    }

    void flush() {
        flushQueued = false;
        ByteBuf ready = buffer;
        buffer = null;
        if (ready == null) {
            return;
        }
        if (ready.isReadable()) {
            sessions.broadcast(ready);
        } else {
            ready.release();
        }
    }
}
