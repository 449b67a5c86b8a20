package io.switchboard.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the desktops received. A pop's latency is its arrival at the desktop minus its {@code ringingAt}, the
 * PBX event's own timestamp (the simulator runs at time scale 1, so that is a wall-clock time on this machine);
 * the server's part is its arrival minus the arrival of the same {@code AgentCalled} at the {@link AmiTap}.
 * All in microseconds. Pops of calls that rang before {@link #measureFrom} are the warm-up's and kept apart.
 */
final class PopRecorder implements PopSink {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Ten minutes: longer than any run, so that no latency is clipped. */
    private static final long MAX_MICROS = 600_000_000L;

    private final AmiTap tap;
    private final Histogram endToEnd = new Histogram(MAX_MICROS, 3);
    private final Histogram warmup = new Histogram(MAX_MICROS, 3);
    private final Histogram server = new Histogram(MAX_MICROS, 3);
    private final Map<String, Long> ranks = new TreeMap<>();
    private final Map<String, LongAdder> others = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> closes = new ConcurrentHashMap<>();
    /** Pops that reached their desktop before the tap had read their event (the tap is only a thread too). */
    private final List<ReceivedPop> aheadOfTap = new ArrayList<>();
    /** Every pop, for the CSV a run leaves behind. */
    private final List<ReceivedPop> received = new ArrayList<>();

    private long pops;
    private long measuredPops;
    private long matched;
    private long beforeTap;
    private volatile long measuredFromMicros = Long.MAX_VALUE;

    PopRecorder(AmiTap tap) {
        this.tap = tap;
    }

    /** Calls that ring from this time on are measured; earlier ones were the warm-up. */
    void measureFrom(long wallMicros) {
        measuredFromMicros = wallMicros;
    }

    @Override
    public void screenPop(String extension, String json, long receivedMicros, long receivedNanos) {
        JsonNode pop = JSON.readTree(json).path("payload");
        long ringingAt = ringingAtMicros(pop.path("ringingAt"));
        String rank = pop.path("context").path("match").path("rank").asText("?");
        String callId = pop.path("callId").asText();
        AmiTap.Read tapped = tap.agentCalledAt(callId, extension);
        synchronized (this) {
            pops++;
            ranks.merge(rank, 1L, Long::sum);
            if (!rank.equals("NONE")) {
                matched++;
            }
            ReceivedPop arrived = new ReceivedPop(
                    callId, extension, rank, ringingAt, receivedMicros, receivedNanos, ringingAt >= measuredFromMicros);
            received.add(arrived);
            long latency = Math.max(0, receivedMicros - ringingAt);
            if (!arrived.measured()) {
                warmup.recordValue(Math.min(latency, MAX_MICROS));
                return;
            }
            measuredPops++;
            endToEnd.recordValue(Math.min(latency, MAX_MICROS));
            if (tapped == null) {
                aheadOfTap.add(arrived);
            } else {
                server.recordValue(Math.min(Math.max(0, (receivedNanos - tapped.nanos()) / 1_000), MAX_MICROS));
            }
        }
    }

    @Override
    public void other(String type) {
        others.computeIfAbsent(type, t -> new LongAdder()).increment();
    }

    @Override
    public void closed(String codeAndReason) {
        closes.computeIfAbsent(codeAndReason, c -> new LongAdder()).increment();
    }

    synchronized Snapshot snapshot() {
        aheadOfTap.removeIf(pending -> {
            AmiTap.Read tapped = tap.agentCalledAt(pending.callId(), pending.extension());
            if (tapped == null) {
                return false;
            }
            beforeTap++;
            // the server was quicker than the tap's thread: no time measurable
            server.recordValue(Math.max(0, (pending.receivedNanos() - tapped.nanos()) / 1_000));
            return true;
        });
        Map<String, Long> otherCounts = new TreeMap<>();
        others.forEach((type, count) -> otherCounts.put(type, count.sum()));
        Map<String, Long> closeCounts = new TreeMap<>();
        closes.forEach((code, count) -> closeCounts.put(code, count.sum()));
        return new Snapshot(
                pops,
                measuredPops,
                matched,
                beforeTap,
                aheadOfTap.size(),
                endToEnd.copy(),
                warmup.copy(),
                server.copy(),
                new TreeMap<>(ranks),
                otherCounts,
                closeCounts);
    }

    record Snapshot(
            long pops,
            long measuredPops,
            long matched,
            long beforeTap,
            long neverTapped,
            Histogram endToEnd,
            Histogram warmup,
            Histogram server,
            Map<String, Long> ranks,
            Map<String, Long> otherMessages,
            Map<String, Long> closes) {}

    private record ReceivedPop(
            String callId,
            String extension,
            String rank,
            long ringingAtMicros,
            long receivedMicros,
            long receivedNanos,
            boolean measured) {}

    /**
     * Every pop, one line each: call, extension, match rank, then wall-clock microseconds of the event's timestamp,
     * of its AgentCalled read at the tap (empty if never) and of the pop's arrival at the desktop; then whether the
     * pop was measured (false: warm-up).
     */
    synchronized void writeCsv(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("call_id,extension,rank,ringing_at_us,tap_read_us,received_us,measured\n");
            for (ReceivedPop pop : received) {
                AmiTap.Read tapped = tap.agentCalledAt(pop.callId(), pop.extension());
                out.write(pop.callId() + "," + pop.extension() + "," + pop.rank() + "," + pop.ringingAtMicros() + ","
                        + (tapped == null ? "" : Long.toString(tapped.wallMicros())) + "," + pop.receivedMicros()
                        + "," + pop.measured() + "\n");
            }
        }
    }

    /** An ISO-8601 instant (Jackson's default for {@code Instant}) or epoch seconds with a fraction. */
    private static long ringingAtMicros(JsonNode value) {
        if (value.isNumber()) {
            return Math.round(value.asDouble() * 1_000_000);
        }
        return BenchClock.micros(Instant.parse(value.asText()));
    }
}
