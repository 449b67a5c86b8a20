package io.switchboard.api;

import io.switchboard.activity.ActivityHistory;
import io.switchboard.directory.Role;
import io.switchboard.live.LiveBoard;
import io.switchboard.live.LiveCall;
import io.switchboard.security.SwitchboardUser;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Which calls a user may see, by the PBX's call id: a call in progress by the live board's rule (an agent's own, a
 * supervisor's team's plus calls still waiting for an agent, an admin's all), an ended call by the call log's.
 */
@Component
class CallAccess {

    private final LiveBoard board;
    private final ExtensionScope scope;
    private final ActivityHistory history;

    CallAccess(LiveBoard board, ExtensionScope scope, ActivityHistory history) {
        this.board = board;
        this.scope = scope;
        this.history = history;
    }

    /** The calls in progress the user may see. */
    List<LiveCall> liveCalls(SwitchboardUser me) {
        List<LiveCall> calls = board.calls();
        Predicate<String> visible = scope.of(
                me,
                calls.stream()
                        .flatMap(call -> Stream.concat(Stream.ofNullable(call.agent()), call.ringing().stream()))
                        .toList());
        boolean unassignedToo = me.user().role() != Role.AGENT;
        return calls.stream()
                .filter(call ->
                        (unassignedToo && call.agent() == null && call.ringing().isEmpty())
                                || visible.test(call.agent())
                                || call.ringing().stream().anyMatch(visible))
                .toList();
    }

    /**
     * Refuses a call id the user may not see, as the call log does an activity: a ticket must not collect (and then
     * show its readers) calls its editor has no business with.
     *
     * @throws NotFoundException no call of that id the user may see, ended or in progress
     */
    void requireVisible(String callId, SwitchboardUser me) {
        String id = callId.strip();
        boolean visible = history.findByCallId(id, me.viewer()).isPresent()
                || liveCalls(me).stream().anyMatch(call -> call.callId().equals(id));
        if (!visible) {
            throw new NotFoundException("No call '" + id + "' that you may see, ended or in progress");
        }
    }
}
