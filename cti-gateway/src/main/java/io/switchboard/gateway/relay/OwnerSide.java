package io.switchboard.gateway.relay;

import io.switchboard.gateway.ami.AmiGateway;
import io.switchboard.gateway.ami.PbxLinks;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.PbxNotOwnedException;
import io.switchboard.gateway.cluster.ClusterBus;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's half of the relay: runs the commands other nodes send for the PBX links this node owns, and answers
 * each on the reply topic. Requests for links this node does not own are some other node's (or nobody's: the asker
 * times out). AMI actions are sent with Asterisk-Java's callback API, so the bus's thread only queues them; the
 * answer goes out from the thread that completes the command.
 */
final class OwnerSide implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OwnerSide.class);

    private final ClusterBus bus;
    private final PbxLinks links;
    private final RelayMetrics metrics;
    private final ClusterBus.Subscription requests;

    OwnerSide(ClusterBus bus, PbxLinks links, RelayMetrics metrics) {
        this.bus = bus;
        this.links = links;
        this.metrics = metrics;
        this.requests = bus.subscribe(PbxRelay.REQUESTS, this::serve);
    }

    private void serve(PbxRequest request) {
        AmiGateway pbx = links.find(request.pbx()).orElse(null);
        if (pbx == null || !pbx.ownsLink()) {
            return;
        }
        String name = PbxCommand.nameOf(request.command());
        run(request.command(), pbx).whenComplete((result, failure) -> {
            PbxReply reply = failure == null
                    ? new PbxReply(request.id(), request.from(), request.pbx(), PbxReply.Outcome.DONE, result, null)
                    : failed(request, failure);
            metrics.served(name, reply.outcome().name().toLowerCase(Locale.ROOT));
            bus.publish(PbxRelay.REPLIES, reply);
        });
    }

    private static <T> CompletableFuture<PbxReply.Result> run(PbxCommand<T> command, AmiGateway pbx) {
        try {
            return command.applyTo(pbx).thenApply(command::toResult);
        } catch (RuntimeException e) { // an argument refused before anything was sent (a line break)
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The failure as the asking node must see it: the same kind of exception, with the PBX's reason. */
    private static PbxReply failed(PbxRequest request, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        PbxReply.Outcome outcome;
        if (cause instanceof PbxNotOwnedException) {
            outcome = PbxReply.Outcome.NOT_OWNED;
        } else if (cause instanceof PbxCommandException) {
            outcome = PbxReply.Outcome.REFUSED;
        } else if (cause instanceof IllegalArgumentException) {
            outcome = PbxReply.Outcome.INVALID;
        } else if (cause instanceof TimeoutException) {
            outcome = PbxReply.Outcome.PBX_TIMEOUT;
        } else {
            log.warn(
                    "A relayed {} for PBX '{}' failed on this node",
                    PbxCommand.nameOf(request.command()),
                    request.pbx(),
                    cause);
            outcome = PbxReply.Outcome.REFUSED;
        }
        return new PbxReply(
                request.id(), request.from(), request.pbx(), outcome, PbxReply.Result.NONE, cause.getMessage());
    }

    @Override
    public void close() {
        requests.close();
    }
}
