package io.switchboard.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Plays {@link Scenario}s: each record maps to a small script of timed steps on a call. PBX thread only. */
final class ScenarioRunner {

    private final SimulatedPbx pbx;
    private final Map<Class<? extends Scenario>, Function<Scenario, CompletableFuture<SimulatedCall>>> scripts;

    ScenarioRunner(SimulatedPbx pbx) {
        this.pbx = pbx;
        this.scripts = Map.of(
                QueueCallAnswered.class, s -> answered((QueueCallAnswered) s),
                QueueCallAbandoned.class, s -> abandoned((QueueCallAbandoned) s),
                RingAllAnswered.class, s -> ringAll((RingAllAnswered) s),
                RingNoAnswerThenAnswered.class, s -> ringNoAnswer((RingNoAnswerThenAnswered) s),
                BlindTransfer.class, s -> blindTransfer((BlindTransfer) s),
                AttendedTransfer.class, s -> attendedTransfer((AttendedTransfer) s),
                OutboundCall.class, s -> new OutboundCallFlow(pbx, (OutboundCall) s, Optional.empty()).start());
    }

    CompletableFuture<SimulatedCall> run(Scenario scenario) {
        return scripts.get(scenario.getClass()).apply(scenario);
    }

    private CompletableFuture<SimulatedCall> answered(QueueCallAnswered s) {
        QueueCall call = arriveAndJoin(s.caller(), s.queue());
        call.timeline.after(0.5, () -> {
            call.joinQueue();
            AgentLeg leg = call.ring(s.agent(), s.ringSeconds(), s.talkSeconds());
            answerAndHangUp(call, leg, s.talkSeconds(), s.hangupBy());
        });
        return call.done;
    }

    private CompletableFuture<SimulatedCall> abandoned(QueueCallAbandoned s) {
        QueueCall call = arriveAndJoin(s.caller(), s.queue());
        call.timeline.after(0.5, () -> {
            call.joinQueue();
            s.ringingAgent().ifPresent(agent -> call.ring(agent, AgentLeg.NEVER, 5));
            call.timeline.after(
                    s.secondsInQueue(), () -> new QueueCallEnding(call).abandon(SimulatedCall.Outcome.ABANDONED));
        });
        return call.done;
    }

    private CompletableFuture<SimulatedCall> ringAll(RingAllAnswered s) {
        QueueCall call = arriveAndJoin(s.caller(), s.queue());
        call.timeline.after(0.5, () -> {
            call.joinQueue();
            List<AgentLeg> legs = call.ringAll(s.ringingAgents(), s.answeringAgent(), s.ringSeconds(), s.talkSeconds());
            AgentLeg winner = legs.get(s.ringingAgents().indexOf(s.answeringAgent()));
            answerAndHangUp(call, winner, s.talkSeconds(), s.hangupBy());
        });
        return call.done;
    }

    private CompletableFuture<SimulatedCall> ringNoAnswer(RingNoAnswerThenAnswered s) {
        QueueCall call = arriveAndJoin(s.caller(), s.queue());
        call.timeline.after(0.5, () -> {
            call.joinQueue();
            AgentLeg first = call.ring(s.firstAgent(), AgentLeg.NEVER, s.talkSeconds());
            call.timeline.after(s.firstRingSeconds(), () -> {
                new QueueCallEnding(call).ringNoAnswer(first);
                call.timeline.after(s.retrySeconds(), () -> {
                    AgentLeg second = call.ring(s.secondAgent(), s.secondRingSeconds(), s.talkSeconds());
                    answerAndHangUp(call, second, s.talkSeconds(), HangupBy.AGENT);
                });
            });
        });
        return call.done;
    }

    private CompletableFuture<SimulatedCall> blindTransfer(BlindTransfer s) {
        QueueCall call = arriveAndJoin(s.caller(), s.queue());
        answerThen(
                call,
                s.agent(),
                s.ringSeconds(),
                s.talkBeforeSeconds(),
                () -> new TransferFlows(call)
                        .blindTransfer(
                                TransferFlows.TRANSFER_CONTEXT,
                                s.targetAgent(),
                                s.targetRingSeconds(),
                                s.talkAfterSeconds()));
        return call.done;
    }

    private CompletableFuture<SimulatedCall> attendedTransfer(AttendedTransfer s) {
        QueueCall call = arriveAndJoin(s.caller(), s.queue());
        answerThen(
                call,
                s.agent(),
                s.ringSeconds(),
                s.talkBeforeSeconds(),
                () -> new TransferFlows(call)
                        .attendedTransfer(
                                s.targetAgent(), s.targetRingSeconds(), s.consultSeconds(), s.talkAfterSeconds()));
        return call.done;
    }

    /** Joins the queue, rings {@code agent}, who answers; {@code thenWhat} runs {@code talkSeconds} later. */
    private void answerThen(QueueCall call, String agent, double ringSeconds, double talkSeconds, Runnable thenWhat) {
        call.timeline.after(0.5, () -> {
            call.joinQueue();
            AgentLeg leg = call.ring(agent, ringSeconds, talkSeconds);
            call.timeline.after(ringSeconds, () -> {
                call.answer(leg);
                call.timeline.after(talkSeconds, thenWhat);
            });
        });
    }

    private void answerAndHangUp(QueueCall call, AgentLeg leg, double talkSeconds, HangupBy hangupBy) {
        call.timeline.after(leg.ringSeconds, () -> {
            call.answer(leg);
            call.timeline.after(talkSeconds, () -> {
                QueueCallEnding ending = new QueueCallEnding(call);
                if (hangupBy == HangupBy.AGENT) {
                    ending.agentHangsUp();
                } else {
                    ending.callerHangsUp(SimulatedCall.Outcome.ANSWERED);
                }
            });
        });
    }

    /** The trunk call arrives now; the scripts join the queue half a second later, as the test bed's dialplan. */
    private QueueCall arriveAndJoin(Caller caller, String queueName) {
        SimQueue queue = pbx.queue(queueName)
                .orElseThrow(() -> new IllegalArgumentException("No such queue: " + queueName + " (have "
                        + pbx.queues().stream().map(q -> q.name).toList() + ")"));
        QueueCall call = new QueueCall(pbx, caller, queue, true);
        call.arrive();
        return call;
    }
}
