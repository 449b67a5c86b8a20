package io.switchboard.screenpop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.contact.CallerContext;
import io.switchboard.contact.CallerContexts;
import io.switchboard.contact.NoMatchReason;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.AgentRingStopped;
import io.switchboard.gateway.call.CallEvent.AgentRinging;
import io.switchboard.gateway.call.CallEvent.CallAnswered;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEventListener;
import io.switchboard.gateway.edge.CtiEdge;
import io.switchboard.gateway.edge.EdgeMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pops the caller's record on the ringing agent's desktops, withdraws it from agents who did not take the call, and
 * keeps it for the agent on the call until it ends (a desktop reconnecting meanwhile gets it again). Runs on its own
 * call event bus thread, so the lookup never holds up the call tracker.
 */
final class ScreenPopService implements CallEventListener {

    private static final Logger log = LoggerFactory.getLogger(ScreenPopService.class);

    private final CallerContexts contexts;
    private final AgentDirectory directory;
    private final CtiEdge edge;
    /** Who holds a pop of which call: the users to release it for when the call ends. Bus thread only. */
    private final Map<String, Set<String>> popsByCall = new HashMap<>();

    private final Counter pops;
    private final Counter unknownAgents;
    private final Counter failures;

    ScreenPopService(CallerContexts contexts, AgentDirectory directory, CtiEdge edge, MeterRegistry registry) {
        this.contexts = contexts;
        this.directory = directory;
        this.edge = edge;
        this.pops = Counter.builder("switchboard.screenpop.pops")
                .description("Screen pops sent to ringing agents")
                .register(registry);
        this.unknownAgents = Counter.builder("switchboard.screenpop.unknown.agents")
                .description("Ringing extensions that belong to no user, so nobody got a pop")
                .register(registry);
        this.failures = Counter.builder("switchboard.screenpop.failures")
                .description("Pops that could not be built (logged)")
                .register(registry);
    }

    @Override
    public void onCallEvent(CallEvent event) {
        try {
            if (event instanceof AgentRinging ringing) {
                pop(ringing);
            } else if (event instanceof AgentRingStopped stopped) {
                withdraw(stopped);
            } else if (event instanceof CallAnswered answered) {
                answered(answered);
            } else if (event instanceof CallEnded ended) {
                ended(ended);
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.error("Screen pop failed on {}", event, e);
        }
    }

    private void pop(AgentRinging ringing) {
        Optional<DirectoryUser> agent = directory.userOf(ringing.agent());
        if (agent.isEmpty()) {
            log.debug("Extension {} rings for call {} but belongs to no user", ringing.agent(), ringing.callId());
            unknownAgents.increment();
            return;
        }
        DirectoryUser user = agent.get();
        String customer = ringing.caller().number();
        CallerContext context = contexts.contextFor(customer, user.viewer());
        ScreenPop pop = new ScreenPop(
                ringing.callId(),
                ringing.at(),
                ringing.direction(),
                customer,
                ringing.caller().name(),
                ringing.callee(),
                ringing.queue(),
                ringing.waitSeconds(),
                context,
                context.match().reason() == NoMatchReason.NOT_FOUND
                        ? new ScreenPop.NewContactOffer(ringing.caller().name(), customer)
                        : null);
        int desktops = edge.retain(
                user.username(),
                ringing.callId(),
                EdgeMessage.essential(EdgeMessage.SCREEN_POP, pop).withOrigin(ringing.at()));
        log.debug("Pop of call {} for {} sent to {} desktop(s)", ringing.callId(), user.username(), desktops);
        popsByCall.computeIfAbsent(ringing.callId(), id -> new HashSet<>()).add(user.username());
        pops.increment();
    }

    private void withdraw(AgentRingStopped stopped) {
        directory.userOf(stopped.agent()).ifPresent(user -> {
            Set<String> holders = popsByCall.get(stopped.callId());
            if (holders != null) {
                holders.remove(user.username());
            }
            edge.release(user.username(), stopped.callId());
            edge.sendToUser(
                    user.username(),
                    EdgeMessage.essential(
                            EdgeMessage.POP_WITHDRAWN,
                            new PopWithdrawn(stopped.callId(), stopped.reason().name())));
        });
    }

    private void answered(CallAnswered answered) {
        directory
                .userOf(answered.agent())
                .ifPresent(user -> edge.sendToUser(
                        user.username(),
                        EdgeMessage.replaceable(
                                EdgeMessage.CALL_UPDATE,
                                answered.callId(),
                                new CallUpdate(answered.callId(), "TALKING", answered.agent(), null))));
    }

    private void ended(CallEnded ended) {
        Set<String> holders = popsByCall.remove(ended.callId());
        if (holders == null) {
            return;
        }
        CallUpdate update = new CallUpdate(
                ended.callId(), "ENDED", ended.finalAgent(), ended.outcome().name());
        for (String username : holders) {
            edge.release(username, ended.callId());
            edge.sendToUser(username, EdgeMessage.replaceable(EdgeMessage.CALL_UPDATE, ended.callId(), update));
        }
    }

    /** Tells a desktop to take a pop down: the call was answered elsewhere, the caller left, or nobody answered. */
    record PopWithdrawn(String callId, String reason) {}

    /** A call's state changed for an agent who has its pop. */
    record CallUpdate(String callId, String state, String agent, String outcome) {}

    /** Pops still held, for tests and the gauge. */
    int callsWithPops() {
        return popsByCall.size();
    }
}
