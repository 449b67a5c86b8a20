package io.switchboard.queue;

/** No queue of that name has been seen on the PBX. */
public class QueueNotFoundException extends RuntimeException {

    public QueueNotFoundException(String name) {
        super("no queue named '" + name + "' is known: queues are learned from the PBX");
    }
}
