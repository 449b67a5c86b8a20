package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.call.PbxName;
import io.switchboard.gateway.call.Pbxes;
import io.switchboard.live.LiveAgent;
import io.switchboard.live.LiveBoard;
import io.switchboard.security.SwitchboardUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents", description = "Agent states; an agent logs in to queues, pauses with a reason, resumes")
class AgentController {

    /** @param reason goes to the PBX as a header value: one line, or it could end the command and start another */
    record PauseRequest(
            @NotBlank @Size(max = 80) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be one line of text")
            String reason) {}

    private final LiveBoard board;
    private final ExtensionScope scope;
    private final ObjectProvider<PbxCommands> pbx;
    private final ObjectProvider<Pbxes> pbxes;

    AgentController(
            LiveBoard board, ExtensionScope scope, ObjectProvider<PbxCommands> pbx, ObjectProvider<Pbxes> pbxes) {
        this.board = board;
        this.scope = scope;
        this.pbx = pbx;
        this.pbxes = pbxes;
    }

    /** Agents' states per queue: a supervisor's team, or everyone for an admin. */
    @GetMapping
    List<LiveAgent> agents(@AuthenticationPrincipal SwitchboardUser me) {
        List<LiveAgent> agents = board.agents();
        Predicate<String> visible =
                scope.of(me, agents.stream().map(LiveAgent::extension).toList());
        return agents.stream().filter(agent -> visible.test(agent.extension())).toList();
    }

    /** The caller's own state in each queue they are logged in to. */
    @GetMapping("/me")
    List<LiveAgent> me(@AuthenticationPrincipal SwitchboardUser me) {
        String agent = agentOf(me); // 1001 on PBX b is b:1001 on the board, not 1001 on PBX a
        return board.agents().stream()
                .filter(state -> state.extension().equals(agent))
                .toList();
    }

    @PostMapping("/me/queues/{queue}")
    CompletableFuture<ResponseEntity<Void>> logIn(
            @PathVariable String queue, @AuthenticationPrincipal SwitchboardUser me) {
        String agent = agentOf(me);
        return accepted(commands(agent)
                .queueAdd(queueOn(agent, queue), extension(agent), me.user().displayName(), false));
    }

    @DeleteMapping("/me/queues/{queue}")
    CompletableFuture<ResponseEntity<Void>> logOut(
            @PathVariable String queue, @AuthenticationPrincipal SwitchboardUser me) {
        String agent = agentOf(me);
        return removed(commands(agent).queueRemove(queueOn(agent, queue), extension(agent)));
    }

    /** Pauses the caller in all their queues. */
    @PostMapping("/me/pause")
    CompletableFuture<ResponseEntity<Void>> pause(
            @Valid @RequestBody PauseRequest request, @AuthenticationPrincipal SwitchboardUser me) {
        String agent = agentOf(me);
        return accepted(commands(agent).queuePause(null, extension(agent), true, request.reason()));
    }

    @PostMapping("/me/resume")
    CompletableFuture<ResponseEntity<Void>> resume(@AuthenticationPrincipal SwitchboardUser me) {
        String agent = agentOf(me);
        return accepted(commands(agent).queuePause(null, extension(agent), false, null));
    }

    /** A supervisor pauses an agent of their team (an admin anyone's) in all their queues. */
    @PostMapping("/{extension}/pause")
    CompletableFuture<ResponseEntity<Void>> pauseAgent(
            @PathVariable String extension,
            @Valid @RequestBody PauseRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        String agent = managed(extension, me);
        return accepted(commands(agent).queuePause(null, extension(agent), true, request.reason()));
    }

    @PostMapping("/{extension}/resume")
    CompletableFuture<ResponseEntity<Void>> resumeAgent(
            @PathVariable String extension, @AuthenticationPrincipal SwitchboardUser me) {
        String agent = managed(extension, me);
        return accepted(commands(agent).queuePause(null, extension(agent), false, null));
    }

    /** A supervisor logs an agent of their team out of a queue. */
    @DeleteMapping("/{extension}/queues/{queue}")
    CompletableFuture<ResponseEntity<Void>> logOutAgent(
            @PathVariable String extension, @PathVariable String queue, @AuthenticationPrincipal SwitchboardUser me) {
        String agent = managed(extension, me);
        return removed(commands(agent).queueRemove(queueOn(agent, queue), extension(agent)));
    }

    /** The extension, if it is one of the caller's team's agents (or the caller is an admin); otherwise not found. */
    private String managed(String extension, SwitchboardUser me) {
        if (!scope.of(me, List.of(extension)).test(extension)) {
            throw new NotFoundException("no agent with extension " + extension + " in your team");
        }
        return extension;
    }

    /**
     * Logging out of a queue one is not in has the outcome asked for: Asterisk's refusal "Not there" is a success
     * (a double click, or a supervisor and the agent both logging the agent out).
     */
    private static CompletableFuture<ResponseEntity<Void>> removed(CompletableFuture<Void> command) {
        return command.handle((done, failure) -> {
            Throwable cause =
                    failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            if (cause == null
                    || (cause instanceof PbxCommandException
                            && String.valueOf(cause.getMessage()).contains("Not there"))) {
                return ResponseEntity.accepted().<Void>build();
            }
            throw cause instanceof RuntimeException runtime
                    ? runtime
                    : new PbxCommandException(cause.getMessage(), cause);
        });
    }

    private static CompletableFuture<ResponseEntity<Void>> accepted(CompletableFuture<Void> command) {
        return command.thenApply(done -> ResponseEntity.accepted().build());
    }

    private PbxCommands commands(String agent) {
        return AgentPbx.commands(pbxes, pbx, agent);
    }

    /** The caller as call events name the agent: {@code b:1001} on PBX b, the bare extension on the default PBX. */
    private static String agentOf(SwitchboardUser me) {
        if (me.user().extension() == null) {
            throw new IllegalArgumentException("user " + me.getUsername() + " has no phone extension");
        }
        return me.user().agent();
    }

    /** The extension the agent's PBX knows them by ({@code b:1001} is 1001 there). */
    private static String extension(String agent) {
        return PbxName.of(agent).name();
    }

    /**
     * The queue's name on the agent's PBX: {@code support}, or {@code b:support} as the wallboard names it (a queue
     * of another PBX than the agent's is a 400 naming {@code queue}: the agent cannot be in it).
     */
    private static String queueOn(String agent, String queue) {
        if (queue.indexOf(':') < 0) {
            return queue;
        }
        PbxName named = PbxName.of(queue);
        if (!named.pbx().equals(PbxName.of(agent).pbx())) {
            throw InvalidRequestException.of(
                    "queue", "queue " + queue + " is on PBX '" + named.pbx() + "', not on the agent's");
        }
        return named.name();
    }
}
