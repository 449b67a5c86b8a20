package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.gateway.call.PbxCommands;
import io.switchboard.gateway.call.Pbxes;
import io.switchboard.live.LiveCall;
import io.switchboard.security.SwitchboardUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "Calls", description = "Calls in progress and click-to-dial")
class CallController {

    /** What to dial: digits with an optional leading + and the separators people type. */
    record DialRequest(
            @NotBlank @Pattern(regexp = "\\+?[0-9 ()./-]{2,32}", message = "must be a phone number")
            String number) {}

    record DialResponse(String actionId, String extension, String number) {}

    private final CallAccess access;
    private final ObjectProvider<PbxCommands> pbx;
    private final ObjectProvider<Pbxes> pbxes;

    CallController(CallAccess access, ObjectProvider<PbxCommands> pbx, ObjectProvider<Pbxes> pbxes) {
        this.access = access;
        this.pbx = pbx;
        this.pbxes = pbxes;
    }

    /**
     * Calls in progress: an agent's own, a supervisor's team's plus calls no agent has yet (waiting in a queue), an
     * admin's all.
     */
    @GetMapping
    List<LiveCall> calls(@AuthenticationPrincipal SwitchboardUser me) {
        return access.liveCalls(me);
    }

    /** Click-to-dial: rings the caller's own phone, then dials the number once they pick up. */
    @PostMapping
    CompletableFuture<ResponseEntity<DialResponse>> dial(
            @Valid @RequestBody DialRequest request, @AuthenticationPrincipal SwitchboardUser me) {
        String extension = me.user().extension();
        if (extension == null) {
            throw new IllegalArgumentException("user " + me.getUsername() + " has no phone extension to call from");
        }
        PbxCommands commands = AgentPbx.commands(pbxes, pbx, me.user().agent()); // the PBX of the user's phone
        String number = request.number().replaceAll("[ ()./-]", "");
        return commands.originate(extension, number, null, Map.of("SWITCHBOARD_USER", me.getUsername()))
                .thenApply(actionId ->
                        ResponseEntity.status(HttpStatus.ACCEPTED).body(new DialResponse(actionId, extension, number)));
    }
}
