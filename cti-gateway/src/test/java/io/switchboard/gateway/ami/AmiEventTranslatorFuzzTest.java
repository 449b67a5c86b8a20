package io.switchboard.gateway.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.gateway.call.CallEvent;
import io.switchboard.gateway.call.CallEvent.CallEnded;
import io.switchboard.gateway.call.CallEvent.CallStarted;
import io.switchboard.gateway.call.CallTracker;
import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.RecordingSink;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Fuzzes what the gateway makes of AMI frames after the line decoder: Asterisk-Java's event builder (the one its
 * reader uses), {@link AmiEventTranslator} and the {@link CallTracker}. Frames are the recorded Asterisk 22 traces'
 * events with fields dropped, values swapped for garbage (empty, huge, negative, non-numeric, {@code <null>}) and
 * unknown keys added, under other calls' ids. Nothing may escape as an exception, and a recorded call played among
 * them is followed exactly as without them.
 */
class AmiEventTranslatorFuzzTest {

    private static final String[] TRACES = {
        "queue_answered.ami",
        "queue_abandoned.ami",
        "ringall_answered.ami",
        "outbound_answered.ami",
        "outbound_busy.ami"
    };
    /**
     * Every recorded frame is a garbage template, the listings' items and ends included: the gateway reconciles only
     * against the listings it asked for (by ActionID, see {@code ListingRequests}), so a listing it did not ask for is
     * garbage like any other frame.
     */
    private static final List<Map<String, Object>> RECORDED = recordedEvents();

    private static final List<String> KEYS = List.copyOf(
            new TreeSet<>(RECORDED.stream().flatMap(f -> f.keySet().stream()).toList()));
    private static final EventBuilder BUILDER = new EventBuilder();
    /** What the tracker makes of each recorded call alone. */
    private static final Map<String, List<CallEvent>> CLEAN = new java.util.concurrent.ConcurrentHashMap<>();

    @Property
    void garbageFramesNeverThrowAndLeaveARecordedCallAsItWas(
            @ForAll("garbageFrames") List<Map<String, Object>> garbage, @ForAll("traces") String trace) {
        List<Map<String, Object>> call = frames(trace);
        List<CallEvent> clean = CLEAN.computeIfAbsent(trace, t -> track(frames(t)));

        // Each garbage frame carries the time of the recorded frame it precedes: the tracker's clock follows the
        // PBX's timestamps, and a frame from another day would rightly age the call out.
        List<Map<String, Object>> mixed = new ArrayList<>();
        for (int i = 0; i < call.size(); i++) {
            if (!garbage.isEmpty()) {
                mixed.add(at(garbage.get(i % garbage.size()), call.get(i)));
            }
            mixed.add(call.get(i));
        }
        Map<String, Object> last = call.get(call.size() - 1);
        garbage.forEach(frame -> mixed.add(at(frame, last)));
        List<CallEvent> withGarbage = track(mixed);

        String callId = callIdOf(clean);
        assertThat(ofCall(withGarbage, callId)).isEqualTo(ofCall(clean, callId));
    }

    /** Regression: found by the property above; a Newchannel without Context threw in the tracker (Set.contains(null)). */
    @Example
    void aNewchannelWithoutContextIsTracked() {
        Map<String, Object> frame = newchannel("fuzz-A");
        frame.remove("context");

        assertThat(ofCall(track(List.of(frame)), "fuzz-A")).hasSize(1).first().isInstanceOf(CallStarted.class);
        garbageFramesNeverThrowAndLeaveARecordedCallAsItWas(List.of(frame), "queue_answered.ami");
    }

    /** Regression: found by the property above; a Newchannel without Linkedid threw in the tracker. */
    @Example
    void aNewchannelWithoutLinkedidIsACallOfItsOwn() {
        Map<String, Object> frame = newchannel("fuzz-B");
        frame.remove("linkedid");

        assertThat(ofCall(track(List.of(frame)), "fuzz-B")).hasSize(1).first().isInstanceOf(CallStarted.class);
        garbageFramesNeverThrowAndLeaveARecordedCallAsItWas(List.of(frame), "queue_answered.ami");
    }

    /** A Newchannel without Uniqueid names no channel: it is ignored, and nothing else is disturbed. */
    @Example
    void aNewchannelWithoutUniqueidIsIgnored() {
        Map<String, Object> frame = newchannel("fuzz-C");
        frame.remove("uniqueid");

        assertThat(track(List.of(frame))).isEmpty();
        garbageFramesNeverThrowAndLeaveARecordedCallAsItWas(List.of(frame), "queue_answered.ami");
    }

    /** The shrunk input the property found: an inbound trunk channel of a call other than the recorded one. */
    private static Map<String, Object> newchannel(String id) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("event", "Newchannel");
        frame.put("channel", "IAX2/carrier-" + id);
        frame.put("channelstate", "4");
        frame.put("calleridnum", "+4930123456");
        frame.put("calleridname", "Alice Example");
        frame.put("context", "from-trunk");
        frame.put("exten", "500");
        frame.put("uniqueid", id);
        frame.put("linkedid", id);
        frame.put("timestamp", "1795388136.0");
        return frame;
    }

    @Provide
    Arbitrary<String> traces() {
        return Arbitraries.of(TRACES);
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> garbageFrames() {
        Arbitrary<String> garbageValue = Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        " ",
                        "<null>",
                        "<unknown>",
                        "-1",
                        "0",
                        "NaN",
                        "1e309",
                        "99999999999999999999",
                        "-2147483649",
                        "yes",
                        "Local/",
                        "Local/@",
                        ":",
                        "1:2:3:4:5",
                        "\u0000",
                        "x".repeat(70_000)),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.integers().map(Object::toString));
        Arbitrary<Map<String, Object>> mutated = Combinators.combine(
                        Arbitraries.of(RECORDED),
                        Arbitraries.of(KEYS).list().ofMaxSize(4),
                        garbageValue.list().ofMinSize(4).ofMaxSize(4),
                        Arbitraries.of(KEYS).list().ofMaxSize(3),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12))
                .as((recorded, replaced, values, dropped, foreignId) -> {
                    Map<String, Object> frame = new LinkedHashMap<>(recorded);
                    dropped.forEach(key -> {
                        if (!key.equals("event")) {
                            frame.remove(key);
                        }
                    });
                    for (int i = 0; i < replaced.size(); i++) {
                        frame.put(replaced.get(i), values.get(i));
                    }
                    // other calls' ids: a fuzzed frame must not legitimately be part of the recorded call
                    frame.replaceAll((key, value) -> isId(key) ? "fuzz-" + foreignId : value);
                    frame.remove("timestamp");
                    return frame;
                });
        Arbitrary<Map<String, Object>> unknownEvent = Arbitraries.strings()
                .ofMaxLength(30)
                .map(name -> {
                    Map<String, Object> frame = new LinkedHashMap<>();
                    frame.put("event", name);
                    frame.put("uniqueid", "fuzz-" + name);
                    return frame;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, mutated), net.jqwik.api.Tuple.of(1, unknownEvent))
                .list()
                .ofMaxSize(40);
    }

    private static Map<String, Object> at(Map<String, Object> garbage, Map<String, Object> recorded) {
        Map<String, Object> frame = new LinkedHashMap<>(garbage);
        frame.put("timestamp", recorded.get("timestamp"));
        return frame;
    }

    private static boolean isId(String key) {
        return key.contains("uniqueid") || key.contains("linkedid") || key.equals("channel") || key.endsWith("channel");
    }

    /** Builds, translates and tracks every frame as the gateway does; returns what the tracker emitted. */
    private static List<CallEvent> track(List<Map<String, Object>> frames) {
        RecordingSink sink = new RecordingSink();
        CallTrackerSettings settings = CallTrackerSettings.defaults();
        CallTracker tracker = new CallTracker(settings, sink, new SimpleMeterRegistry());
        AmiEventTranslator translator = new AmiEventTranslator(settings, new ListingRequests());
        for (Map<String, Object> frame : frames) {
            ManagerEvent event = BUILDER.build(frame);
            if (event != null) {
                tracker.apply(translator.translate(event));
            }
        }
        return sink.all();
    }

    private static String callIdOf(List<CallEvent> events) {
        return events.stream()
                .filter(CallEnded.class::isInstance)
                .map(event -> ((CallEnded) event).callId().toString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the recorded call never ended: " + events));
    }

    private static List<CallEvent> ofCall(List<CallEvent> events, String callId) {
        return events.stream()
                .filter(event -> event.toString().contains(callId))
                .toList();
    }

    private static List<Map<String, Object>> recordedEvents() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String trace : TRACES) {
            all.addAll(frames(trace));
        }
        return all;
    }

    /** A recorded trace's event frames as Asterisk-Java's reader hands them to its builder: lower-case keys. */
    private static List<Map<String, Object>> frames(String trace) {
        String text;
        try (InputStream in = AmiEventTranslatorFuzzTest.class.getResourceAsStream("/traces/" + trace)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Map<String, Object>> frames = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\n\n")) {
            Map<String, Object> frame = new LinkedHashMap<>();
            for (String line : block.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    frame.putIfAbsent(
                            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            if (frame.containsKey("event")) {
                frames.add(frame);
            }
        }
        return frames;
    }

    /**
     * Asterisk-Java's own event builder, the one its reader thread runs on every frame. It is package-private in
     * Asterisk-Java, so it is reached by reflection: a copy would not be the code that runs in production.
     */
    static final class EventBuilder {
        private final Object builder;
        private final Method build;

        EventBuilder() {
            try {
                Class<?> type = Class.forName("org.asteriskjava.manager.internal.EventBuilderImpl");
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                builder = constructor.newInstance();
                build = type.getMethod("buildEvent", Object.class, Map.class);
                build.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        ManagerEvent build(Map<String, Object> frame) {
            try {
                return (ManagerEvent) build.invoke(builder, this, frame);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("Asterisk-Java's builder failed on " + frame, e.getCause());
            }
        }
    }
}
