package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.gateway.call.CallHandles;
import io.switchboard.gateway.call.CallHandles.CallHandle;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.call.Pbxes;
import io.switchboard.security.SwitchboardUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Call control: the call an agent is on, transferred (blind or attended) or hung up, by the agent (their own,
 * {@code {extension}} = {@code me} or their extension), their team's supervisor, or an admin. 202 once the PBX took
 * the command; what happens next arrives as call events (a transfer, the call's end).
 */
@RestController
@RequestMapping("/api/v1/agents/{extension}/call")
@Tag(name = "Call control", description = "Transfer (blind, or consult then complete or cancel) and hang up")
class CallControlController {

    /** Exactly one of a queue's name or an agent's extension. */
    record TransferRequest(
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{0,39}", message = "must be a queue name")
            String queue,

            @Pattern(regexp = "[0-9]{2,6}", message = "must be an extension of 2 to 6 digits")
            String extension) {

        /** Validated as the field {@code target}: exactly one of the two is given. */
        @AssertTrue(message = "must be either queue or extension, not both or neither")
        boolean isTarget() {
            return (queue == null) != (extension == null);
        }

        String target() {
            return queue != null ? queue : extension;
        }
    }

    record ConsultRequest(
            @NotBlank @Pattern(regexp = "[0-9]{2,6}", message = "must be an extension of 2 to 6 digits")
            String extension) {}

    private final ExtensionScope scope;
    private final ObjectProvider<PbxCommands> pbx;
    private final ObjectProvider<CallHandles> handles;
    private final ObjectProvider<Pbxes> pbxes;

    CallControlController(
            ExtensionScope scope,
            ObjectProvider<PbxCommands> pbx,
            ObjectProvider<CallHandles> handles,
            ObjectProvider<Pbxes> pbxes) {
        this.scope = scope;
        this.pbx = pbx;
        this.handles = handles;
        this.pbxes = pbxes;
    }

    /** Blind transfer: the caller leaves the agent for a queue or another agent's extension. */
    @PostMapping("/transfer")
    CompletableFuture<ResponseEntity<Void>> transfer(
            @PathVariable String extension,
            @Valid @RequestBody TransferRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return command(extension, me, (commands, call) -> commands.transfer(call.customerChannel(), request.target()));
    }

    /** Attended transfer, first step: the caller waits on hold while the agent talks to the colleague. */
    @PostMapping("/consultation")
    CompletableFuture<ResponseEntity<Void>> consult(
            @PathVariable String extension,
            @Valid @RequestBody ConsultRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return command(extension, me, (commands, call) -> commands.consult(call.agentChannel(), request.extension()));
    }

    /** Attended transfer, done: the agent leaves, the caller and the colleague stay together. */
    @PostMapping("/consultation/complete")
    CompletableFuture<ResponseEntity<Void>> complete(
            @PathVariable String extension, @AuthenticationPrincipal SwitchboardUser me) {
        return command(extension, me, (commands, call) -> commands.hangup(call.agentChannel()));
    }

    /** Attended transfer abandoned: the colleague is hung up, the agent is back with the caller. */
    @DeleteMapping("/consultation")
    CompletableFuture<ResponseEntity<Void>> cancel(
            @PathVariable String extension, @AuthenticationPrincipal SwitchboardUser me) {
        return command(extension, me, (commands, call) -> commands.cancelConsultation(call.agentChannel()));
    }

    /** Ends the call for everyone on it. */
    @PostMapping("/hangup")
    CompletableFuture<ResponseEntity<Void>> hangup(
            @PathVariable String extension, @AuthenticationPrincipal SwitchboardUser me) {
        return command(extension, me, (commands, call) -> commands.hangup(call.customerChannel()));
    }

    private interface Command {
        CompletableFuture<Void> send(PbxCommands commands, CallHandle call);
    }

    private CompletableFuture<ResponseEntity<Void>> command(String extension, SwitchboardUser me, Command command) {
        String agent = managed(extension, me);
        Pbxes every = pbxes.getIfAvailable();
        if (every != null) { // the agent's call is on one of the PBXes, whichever node owns its link
            return every.callOf(agent).thenCompose(found -> {
                CallHandle call = found.orElseThrow(() -> new NoCallException("agent " + agent + " is on no call"));
                return command.send(every.commandsForCall(call.callId()), call)
                        .thenApply(done -> ResponseEntity.accepted().<Void>build());
            });
        }
        PbxCommands commands = pbx.getIfAvailable();
        CallHandles calls = handles.getIfAvailable();
        if (commands == null || calls == null) {
            throw new PbxUnavailableException();
        }
        CallHandle call =
                calls.ofAgent(agent).orElseThrow(() -> new NoCallException("agent " + agent + " is on no call"));
        return command.send(commands, call)
                .thenApply(done -> ResponseEntity.accepted().build());
    }

    /** The agent's extension, if the caller may act on their calls: their own, their team's, or anyone's (admin). */
    private String managed(String extension, SwitchboardUser me) {
        String agent = "me".equals(extension) ? me.user().agent() : extension; // b:1001: 1001 on PBX b
        if (agent == null) {
            throw new IllegalArgumentException("user " + me.getUsername() + " has no phone extension");
        }
        if (!scope.of(me, List.of(agent)).test(agent)) {
            throw new NotFoundException("no agent with extension " + agent + " in your team");
        }
        return agent;
    }
}
