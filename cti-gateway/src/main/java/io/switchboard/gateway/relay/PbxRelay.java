package io.switchboard.gateway.relay;

import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.PbxNotOwnedException;
import io.switchboard.gateway.cluster.ClusterBus;
import io.switchboard.gateway.cluster.ClusterTopic;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends PBX commands to the node owning the PBX's link over the cluster bus and waits for its answer: a request on
 * {@value #REQUESTS_NAME}, the owner's reply on {@value #REPLIES_NAME} addressed to this node. The future ends as the
 * command would have on the owner (its result, or the same exception with the PBX's reason), or, when no owner
 * answers within the timeout (it stopped; no node owns the link at the moment), with a {@link PbxNotOwnedException}
 * naming the PBX. An answer that comes after that is dropped and counted.
 */
public final class PbxRelay implements AutoCloseable {

    static final String REQUESTS_NAME = "pbx-commands";
    static final String REPLIES_NAME = "pbx-replies";
    static final ClusterTopic<PbxRequest> REQUESTS = ClusterTopic.of(REQUESTS_NAME, PbxRequest.class);
    static final ClusterTopic<PbxReply> REPLIES = ClusterTopic.of(REPLIES_NAME, PbxReply.class);

    private final ClusterBus bus;
    private final String node;
    private final Duration timeout;
    private final RelayMetrics metrics;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ClusterBus.Subscription replies;

    PbxRelay(ClusterBus bus, Duration timeout, RelayMetrics metrics) {
        this.bus = bus;
        this.node = bus.node().value();
        this.timeout = timeout;
        this.metrics = metrics;
        this.replies = bus.subscribe(REPLIES, this::answered);
    }

    /** Sends {@code command} to the owner of {@code pbx}'s link. */
    <T> CompletableFuture<T> send(String pbx, PbxCommand<T> command) {
        String id = UUID.randomUUID().toString();
        Pending waiting = new Pending(new CompletableFuture<>(), System.nanoTime());
        pending.put(id, waiting);
        bus.publish(REQUESTS, new PbxRequest(id, pbx, node, command));
        String name = PbxCommand.nameOf(command);
        return waiting.reply
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((reply, failure) -> {
                    pending.remove(id);
                    if (failure != null) {
                        metrics.timedOut(name);
                        throw new PbxNotOwnedException(pbx, name, timeout);
                    }
                    metrics.answered(
                            name,
                            reply.outcome().name().toLowerCase(Locale.ROOT),
                            Duration.ofNanos(System.nanoTime() - waiting.sentNanos));
                    return outcome(pbx, name, command, reply);
                });
    }

    /** The reply as the command's own result or exception. */
    private static <T> T outcome(String pbx, String name, PbxCommand<T> command, PbxReply reply) {
        return switch (reply.outcome()) {
            case DONE -> command.fromResult(reply.result() == null ? PbxReply.Result.NONE : reply.result());
            case REFUSED -> throw new PbxCommandException(reply.message());
            case NOT_OWNED -> throw new PbxNotOwnedException(pbx, name);
            case INVALID -> throw new IllegalArgumentException(reply.message());
            case PBX_TIMEOUT -> throw new PbxCommandException(name + " got no response from the PBX in time");
        };
    }

    private void answered(PbxReply reply) {
        if (!node.equals(reply.to())) {
            return; // every node hears every reply; this one is another node's
        }
        Pending waiting = pending.remove(reply.id());
        if (waiting == null) {
            metrics.late();
            return;
        }
        if (!waiting.reply.complete(reply)) {
            metrics.late(); // timed out a moment ago, its caller already told
        }
    }

    /** Answers still awaited (a test's and health's view). */
    int waiting() {
        return pending.size();
    }

    @Override
    public void close() {
        replies.close();
        pending.values().forEach(p -> p.reply.completeExceptionally(new TimeoutException("node stopping")));
    }

    private record Pending(CompletableFuture<PbxReply> reply, long sentNanos) {}
}
