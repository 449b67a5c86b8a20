package io.switchboard.bench;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the desktops on one node received, for the nodes benchmark. A pop's latency is its arrival at the desktop minus
 * its {@code ringingAt}, the PBX event's own timestamp (the simulators stamp events when they send them, on this
 * machine's clock), in microseconds. A pop <em>crossed</em> nodes when the node that owns its call's PBX link (the
 * call id's PBX prefix, {@code a:} or {@code b:}) is not the node holding the desktop: it came over the cluster bus.
 * Pops of calls that rang before {@link #measureFrom} are the warm-up's and only counted.
 */
final class NodePops implements PopSink {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Ten minutes: longer than any run, so no latency is clipped. */
    private static final long MAX_MICROS = 600_000_000L;

    private final int node;
    private final Histogram all = new Histogram(MAX_MICROS, 3);
    private final Histogram crossed = new Histogram(MAX_MICROS, 3);
    private final Histogram local = new Histogram(MAX_MICROS, 3);
    private final Map<String, LongAdder> others = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> closes = new ConcurrentHashMap<>();
    private final Map<String, Long> byPbx = new TreeMap<>();
    private volatile Map<String, Integer> owners = Map.of();
    private volatile long measuredFromMicros = Long.MAX_VALUE;
    private long warmupPops;
    private long unknownOwner;

    /** @param node the index of the node whose edge these desktops are connected to */
    NodePops(int node) {
        this.node = node;
    }

    /** Calls that ring from this time on are measured; {@code owners}: each PBX's link owner (node index) now. */
    void measureFrom(long wallMicros, Map<String, Integer> owners) {
        this.owners = Map.copyOf(owners);
        this.measuredFromMicros = wallMicros;
    }

    @Override
    public void screenPop(String extension, String json, long receivedMicros, long receivedNanos) {
        JsonNode pop = JSON.readTree(json).path("payload");
        long ringingAt = ringingAtMicros(pop.path("ringingAt"));
        String callId = pop.path("callId").asText();
        int colon = callId.indexOf(':');
        String pbx = colon < 0 ? "default" : callId.substring(0, colon);
        long latency = Math.min(MAX_MICROS, Math.max(0, receivedMicros - ringingAt));
        synchronized (this) {
            if (ringingAt < measuredFromMicros) {
                warmupPops++;
                return;
            }
            byPbx.merge(pbx, 1L, Long::sum);
            all.recordValue(latency);
            Integer owner = owners.get(pbx);
            if (owner == null) {
                unknownOwner++;
            } else if (owner == node) {
                local.recordValue(latency);
            } else {
                crossed.recordValue(latency);
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
        Map<String, Long> otherCounts = new TreeMap<>();
        others.forEach((type, count) -> otherCounts.put(type, count.sum()));
        Map<String, Long> closeCounts = new TreeMap<>();
        closes.forEach((code, count) -> closeCounts.put(code, count.sum()));
        return new Snapshot(
                all.copy(),
                crossed.copy(),
                local.copy(),
                new TreeMap<>(byPbx),
                warmupPops,
                unknownOwner,
                otherCounts,
                closeCounts);
    }

    /**
     * @param all every measured pop; {@code crossed} those whose PBX link another node owns, {@code local} the rest
     * @param unknownOwner measured pops of a PBX no node owned when the measurement began
     */
    record Snapshot(
            Histogram all,
            Histogram crossed,
            Histogram local,
            Map<String, Long> byPbx,
            long warmupPops,
            long unknownOwner,
            Map<String, Long> otherMessages,
            Map<String, Long> closes) {}

    /** An ISO-8601 instant (Jackson's default for {@code Instant}) or epoch seconds with a fraction. */
    private static long ringingAtMicros(JsonNode value) {
        if (value.isNumber()) {
            return Math.round(value.asDouble() * 1_000_000);
        }
        return BenchClock.micros(Instant.parse(value.asText()));
    }
}
