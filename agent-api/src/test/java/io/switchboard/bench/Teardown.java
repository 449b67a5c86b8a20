package io.switchboard.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the run started, stopped in reverse order once: at the end of the run, or by a shutdown hook when the run is
 * interrupted (Ctrl-C), so no server, simulator or PostgreSQL outlives it.
 */
final class Teardown implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeAll, "popbench-teardown");

    Teardown() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    synchronized <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void closeAll() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + resource + ": " + e);
            }
        }
    }
}
