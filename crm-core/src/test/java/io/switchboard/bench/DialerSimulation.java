package io.switchboard.bench;

import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.campaign.pacing.Pacer;
import io.switchboard.campaign.pacing.PacingDecision;
import io.switchboard.campaign.pacing.PacingInput;
import io.switchboard.campaign.pacing.PacingStats;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A discrete-event simulation of one campaign's day in simulated time: the production {@link Pacer} and {@link
 * PacingStats} decide every 250 ms how many calls to place; customers answer, ring out, are busy or machines; an
 * answered call takes the longest-idle free agent or waits up to the patience and is abandoned.
 */
public final class DialerSimulation {

    private static final double TICK_SECONDS = 0.25;

    private final DialerModel model;
    private final DialMode mode;
    private final SplittableRandom random;
    private final Pacer pacer = new Pacer();
    private final PacingStats stats = new PacingStats();
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Deque<Agent> readyAgents = new ArrayDeque<>();
    private final Deque<Call> waitingCalls = new ArrayDeque<>();
    private final double dayEnd;
    private final long[] answeredByHour;
    private final long[] abandonedByHour;
    private long sequence;
    private int callsRinging;
    private long dials;
    private long answered;
    private long abandoned;
    private long connects;
    private double busySeconds;
    private double agentWaitSeconds;

    private DialerSimulation(DialerModel model, DialMode mode, long seed) {
        this.model = model;
        this.mode = mode;
        this.random = new SplittableRandom(seed);
        this.dayEnd = model.hours() * 3600;
        int hours = (int) Math.ceil(model.hours());
        this.answeredByHour = new long[hours];
        this.abandonedByHour = new long[hours];
    }

    public static DialerResult run(DialerModel model, DialMode mode, long seed) {
        return new DialerSimulation(model, mode, seed).run();
    }

    private DialerResult run() {
        for (int i = 0; i < model.agents(); i++) {
            readyAgents.add(new Agent(0));
        }
        schedule(0, this::tick);
        while (!events.isEmpty() && events.peek().at() < dayEnd) {
            Event event = events.poll();
            event.action().accept(event.at());
        }
        return result();
    }

    private void tick(double now) {
        PacingDecision decision = pacer.decide(new PacingInput(
                mode,
                readyAgents.size(),
                model.agents() - readyAgents.size(),
                callsRinging,
                waitingCalls.size(),
                answered,
                abandoned,
                model.abandonCap(),
                stats.estimate()));
        for (int i = 0; i < decision.callsToPlace(); i++) {
            dial(now);
        }
        schedule(now + TICK_SECONDS, this::tick);
    }

    private void dial(double now) {
        dials++;
        callsRinging++;
        stats.attemptPlaced();
        double outcome = random.nextDouble();
        if (outcome < model.answerRate()) {
            double toQueue = ringTime() + model.amdSeconds();
            schedule(now + toQueue, at -> personAnswered(at, toQueue));
        } else if ((outcome -= model.answerRate()) < model.machineRate()) {
            lineFreed(now, ringTime() + model.amdSeconds());
        } else if ((outcome -= model.machineRate()) < model.busyRate()) {
            lineFreed(now, 1 + 3 * random.nextDouble());
        } else if ((outcome - model.busyRate()) < model.failedRate()) {
            lineFreed(now, 0.5 + 1.5 * random.nextDouble());
        } else {
            lineFreed(now, model.noAnswerSeconds());
        }
    }

    /** Ring time until someone picks up: lognormal around the median, answered before the ring timeout. */
    private double ringTime() {
        double ring = model.ringMedianSeconds() * Math.exp(0.4 * gaussian());
        return Math.min(ring, model.noAnswerSeconds() - 0.5);
    }

    private void lineFreed(double now, double heldSeconds) {
        schedule(now + heldSeconds, at -> {
            callsRinging--;
            stats.attemptFailed(heldSeconds);
        });
    }

    private void personAnswered(double now, double ringSeconds) {
        callsRinging--;
        answered++;
        answeredByHour[hour(now)]++;
        stats.attemptAnswered(ringSeconds);
        if (!readyAgents.isEmpty()) {
            connect(now, readyAgents.poll());
            return;
        }
        Call call = new Call(now);
        waitingCalls.add(call);
        schedule(now + model.patienceSeconds(), at -> {
            if (waitingCalls.remove(call)) {
                abandoned++;
                abandonedByHour[hour(call.answeredAt())]++;
            }
        });
    }

    private void connect(double now, Agent agent) {
        connects++;
        agentWaitSeconds += now - agent.readySince();
        double handle = talkTime() + model.wrapSeconds();
        busySeconds += Math.min(now + handle, dayEnd) - now;
        schedule(now + handle, at -> agentFreed(at, handle));
    }

    private void agentFreed(double now, double handleSeconds) {
        stats.agentFreed(handleSeconds);
        Call waiting = waitingCalls.poll();
        if (waiting != null) {
            connect(now, new Agent(now));
        } else {
            readyAgents.add(new Agent(now));
        }
    }

    private double talkTime() {
        double sigma = model.talkSigma();
        double mu = Math.log(model.talkMeanSeconds()) - sigma * sigma / 2;
        return Math.exp(mu + sigma * gaussian());
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private int hour(double at) {
        return Math.min((int) (at / 3600), answeredByHour.length - 1);
    }

    private void schedule(double at, java.util.function.DoubleConsumer action) {
        events.add(new Event(at, sequence++, action));
    }

    private DialerResult result() {
        double worstHour = 0;
        for (int h = 0; h < answeredByHour.length; h++) {
            if (answeredByHour[h] > 0) {
                worstHour = Math.max(worstHour, (double) abandonedByHour[h] / answeredByHour[h]);
            }
        }
        double agentSeconds = model.agents() * dayEnd;
        return new DialerResult(
                busySeconds / agentSeconds,
                answered == 0 ? 0 : (double) abandoned / answered,
                connects / (agentSeconds / 3600),
                dials,
                answered,
                abandoned,
                connects == 0 ? 0 : agentWaitSeconds / connects,
                worstHour);
    }

    private record Agent(double readySince) {}

    private record Call(double answeredAt) {}

    private record Event(double at, long sequence, java.util.function.DoubleConsumer action)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Double.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
