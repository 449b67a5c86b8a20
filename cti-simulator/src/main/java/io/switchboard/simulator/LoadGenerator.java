package io.switchboard.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Load mode: starts inbound calls into queue {@code load} at a steady rate per real second. Agents (extensions 2000 upwards)
 * answer a share of the calls; the other callers hang up while an agent rings. Callers wait in the queue while
 * every agent is busy and are served as agents become free. PBX thread only, except {@link #stop()}.
 */
final class LoadGenerator {

    static final String QUEUE = "load";
    static final int FIRST_AGENT = 2000;
    /** As the test bed's {@code Queue(...,120)}: a caller nobody answers leaves after two minutes. */
    static final double QUEUE_TIMEOUT_SECONDS = 120;

    private static final long TICK_MICROS = 5_000;

    private final SimulatedPbx pbx;
    private final SessionRegistry sessions;
    private final Deque<String> freeAgents = new ArrayDeque<>();
    /** Extensions left for people: rung, never answered by the simulator. */
    private final List<String> humanAgents = new ArrayList<>();

    private int nextHuman;
    private final Deque<QueueCall> waitingForAgent = new ArrayDeque<>();
    private LoadProfile profile;
    private SimQueue queue;
    private ScheduledFuture<?> ticker;
    private long lastTickMicros;
    private double credit;
    private long started;
    private long callerSequence;
    /** Real time in microseconds, which paces arrivals; a test sets its own to count calls exactly. */
    private LongSupplier realMicros = () -> System.nanoTime() / 1000;

    LoadGenerator(SimulatedPbx pbx, SessionRegistry sessions) {
        this.pbx = pbx;
        this.sessions = sessions;
    }

    void start(LoadProfile newProfile) {
        stopTicking();
        profile = newProfile;
        queue = pbx.addQueue(QUEUE, QueueStrategy.LINEAR);
        long loginTime = pbx.clock().nowMicros() / 1_000_000;
        freeAgents.clear();
        humanAgents.clear();
        for (int i = 0; i < profile.agents(); i++) {
            String extension = Integer.toString(FIRST_AGENT + i);
            if (queue.member(extension).isEmpty()) {
                queue.add(SimMember.forAgent(QUEUE, extension, false, loginTime));
            }
            if (i < profile.humanAgents()) {
                humanAgents.add(extension);
            } else if (queue.member(extension).orElseThrow().status == SimMember.NOT_INUSE) {
                freeAgents.add(extension);
            }
        }
        started = 0;
        credit = 0;
        lastTickMicros = realMicros.getAsLong();
        ticker = pbx.loop()
                .scheduleAtFixedRate(
                        () -> {
                            pbx.clock().beginStep(pbx.clock().nowMicros());
                            tick();
                        },
                        0,
                        TICK_MICROS,
                        TimeUnit.MICROSECONDS);
    }

    void stop() {
        stopTicking();
    }

    void useRealTime(LongSupplier micros) {
        realMicros = micros;
    }

    private void stopTicking() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
    }

    private void tick() {
        if (ticker == null) {
            return;
        }
        // Arrivals follow the wall clock: the time scale shortens each call, not the gaps between calls.
        long now = realMicros.getAsLong();
        double elapsedSeconds = (now - lastTickMicros) / 1e6;
        lastTickMicros = now;
        // Never catch up more than a tenth of a second of calls at once after a stall.
        credit = Math.min(
                credit + elapsedSeconds * profile.callsPerSecond(), Math.max(1, profile.callsPerSecond() / 10));
        boolean holdBack =
                pbx.settings().slowClients().mode() == SlowClientPolicy.Mode.BUFFER && sessions.anyReceiverBehind();
        while (credit >= 1 && !holdBack && mayStartAnother()) {
            credit--;
            startCall();
        }
        if (profile.totalCalls() > 0 && started >= profile.totalCalls()) {
            stopTicking();
        }
    }

    private boolean mayStartAnother() {
        boolean underTotal = profile.totalCalls() == 0 || started < profile.totalCalls();
        boolean underConcurrency = profile.maxConcurrentCalls() == 0 || pbx.liveCalls() < profile.maxConcurrentCalls();
        return underTotal && underConcurrency;
    }

    private void startCall() {
        started++;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long sequence = callerSequence++;
        int pool = profile.callerPool() == 0 ? LoadProfile.CALLER_NUMBERS : profile.callerPool();
        Caller caller = new Caller(LoadProfile.callerNumber(random.nextInt(pool)), "Load Caller " + sequence, "599");
        QueueCall call = new QueueCall(pbx, caller, queue, profile.fullNoise());
        call.agentReleased = this::agentFree;
        call.reportAfterDelivery = false;
        boolean answers = random.nextDouble() < profile.answerRate();
        call.arrive();
        call.timeline.after(0.5, () -> {
            call.joinQueue();
            if (answers) {
                call.timeline.after(QUEUE_TIMEOUT_SECONDS, () -> {
                    if (call.phase == QueueCall.Phase.WAITING) {
                        new QueueCallEnding(call).queueTimeout();
                    }
                });
                ringHumanFirst(call);
            } else {
                String agent = freeAgents.poll();
                if (agent != null) {
                    call.ring(agent, AgentLeg.NEVER, profile.talkSeconds());
                }
                call.timeline.after(
                        profile.ringSeconds(),
                        () -> new QueueCallEnding(call).abandon(SimulatedCall.Outcome.ABANDONED));
            }
        });
    }

    /**
     * Rings a free, unpaused human agent first, as a linear queue rings its first free member; nobody answers there,
     * so after the ring time the queue moves on to the simulated agents. Whether a simulated agent is free does not
     * matter (a busy queue still rings its free members), and none is held while the person's phone rings: the demo
     * keeps ringing a ready person however many callers wait.
     */
    private void ringHumanFirst(QueueCall call) {
        String human = freeHuman();
        if (human == null) {
            serveOrWait(call);
            return;
        }
        AgentLeg leg = call.ring(human, AgentLeg.NEVER, profile.talkSeconds());
        call.timeline.after(profile.ringSeconds(), () -> {
            if (call.phase != QueueCall.Phase.WAITING) {
                return;
            }
            new QueueCallEnding(call).ringNoAnswer(leg);
            call.timeline.after(1, () -> serveOrWait(call));
        });
    }

    /** A free simulated agent takes the caller; with none free the caller waits for the next one. */
    private void serveOrWait(QueueCall call) {
        if (call.phase != QueueCall.Phase.WAITING) {
            return;
        }
        String agent = freeAgents.poll();
        if (agent == null) {
            waitingForAgent.add(call);
        } else {
            ringAndAnswer(call, agent);
        }
    }

    private String freeHuman() {
        for (int i = 0; i < humanAgents.size(); i++) {
            String extension = humanAgents.get((nextHuman + i) % humanAgents.size());
            SimMember member = queue.member(extension).orElse(null);
            // The member's status is the phone's: ringing or on a call it is not free, whichever call rang it.
            if (member != null && member.available()) {
                nextHuman = (nextHuman + i + 1) % humanAgents.size();
                return extension;
            }
        }
        return null;
    }

    private void ringAndAnswer(QueueCall call, String agent) {
        AgentLeg leg = call.ring(agent, profile.ringSeconds(), profile.talkSeconds());
        call.timeline.after(profile.ringSeconds(), () -> {
            call.answer(leg);
            call.timeline.after(profile.talkSeconds(), () -> new QueueCallEnding(call).agentHangsUp());
        });
    }

    /** An agent's leg has hung up: serve the longest-waiting caller, or mark the agent free. */
    private void agentFree(String agent) {
        if (humanAgents.contains(agent)) {
            return; // a person's phone stopped ringing: it never serves the simulated queue
        }
        QueueCall next = waitingForAgent.poll();
        while (next != null && next.phase != QueueCall.Phase.WAITING) {
            next = waitingForAgent.poll();
        }
        if (next == null) {
            freeAgents.add(agent);
            return;
        }
        QueueCall call = next;
        call.timeline.syncToCursor();
        ringAndAnswer(call, agent);
    }
}
