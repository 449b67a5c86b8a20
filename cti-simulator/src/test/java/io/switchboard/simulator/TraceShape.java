package io.switchboard.simulator;

import io.switchboard.simulator.codec.AmiField;
import io.switchboard.simulator.codec.AmiMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reduces a stream of events to what must match between a recorded trace and the simulator: the call's phases
 * (events less than 250 ms apart, as Asterisk emits a step of a call in one burst) in order, and within a phase
 * the multiset of events, each described by type, normalized channel names and its decisive fields. Order inside
 * a phase is not compared: Asterisk itself only orders events per channel. Left out: CEL and Cdr (off by
 * default), FullyBooted and the recording client's own responses, and {@code VarSet DB_RESULT}, which depends on
 * what the test bed's phone found in AstDB.
 */
final class TraceShape {

    private static final double PHASE_GAP_SECONDS = 0.25;
    private static final List<String> DECISIVE = List.of(
            "DialStatus",
            "Cause",
            "Reason",
            "Queue",
            "Device",
            "State",
            "Variable",
            "Application",
            "Status",
            "InCall",
            "Position",
            "Count",
            "Response",
            "LocalOptimization",
            "BridgeNumChannels",
            "Exten");

    private TraceShape() {}

    static List<AmiMessage> traceEvents(String resource) {
        try (InputStream in = TraceShape.class.getResourceAsStream("/traces/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<AmiMessage> events = new ArrayList<>();
            for (String frame : text.split("\r\n\r\n")) {
                AmiMessage.Builder message = AmiMessage.builder();
                for (String line : frame.split("\r\n")) {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        message.add(line.substring(0, colon), line.substring(colon + 2));
                    } else if (line.endsWith(":")) {
                        message.add(line.substring(0, line.length() - 1), "");
                    }
                }
                AmiMessage event = message.build();
                if (event.get("Event").isPresent()) {
                    events.add(event);
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean significant(AmiMessage event) {
        String name = event.get("Event").orElse("");
        if (name.equals("CEL") || name.equals("Cdr") || name.equals("FullyBooted")) {
            return false;
        }
        if (event.get("ActionID").isPresent() && !name.equals("OriginateResponse")) {
            return false;
        }
        return !(name.equals("VarSet") && event.get("Variable").orElse("").equals("DB_RESULT"));
    }

    /** Phases in order, each a sorted multiset of event descriptions. */
    static List<Map<String, Long>> phases(List<AmiMessage> events) {
        List<Map<String, Long>> phases = new ArrayList<>();
        List<String> current = new ArrayList<>();
        double last = Double.NaN;
        for (AmiMessage event : events) {
            if (!significant(event)) {
                continue;
            }
            double timestamp = Double.parseDouble(event.get("Timestamp").orElseThrow());
            if (!Double.isNaN(last) && timestamp - last > PHASE_GAP_SECONDS) {
                phases.add(count(current));
                current = new ArrayList<>();
            }
            last = timestamp;
            current.add(describe(event));
        }
        phases.add(count(current));
        return phases;
    }

    /** The field names of the first event of each type, in order. */
    static Map<String, List<String>> fieldLayouts(List<AmiMessage> events) {
        Map<String, List<String>> layouts = new HashMap<>();
        for (AmiMessage event : events) {
            if (significant(event)) {
                layouts.putIfAbsent(
                        event.get("Event").orElseThrow(),
                        event.fields().stream()
                                .map(AmiField::key)
                                .filter(key -> !key.equals("ActionID"))
                                .toList());
            }
        }
        return layouts;
    }

    static String describe(AmiMessage event) {
        StringBuilder text = new StringBuilder(event.get("Event").orElseThrow());
        event.get("Channel").ifPresent(c -> text.append(' ').append(normalize(c)));
        event.get("DestChannel").ifPresent(c -> text.append(" -> ").append(normalize(c)));
        for (String key : DECISIVE) {
            event.get(key)
                    .ifPresent(value -> text.append(' ').append(key).append('=').append(value));
        }
        return text.toString();
    }

    /** {@code IAX2/carrier-8969} and {@code Local/1001@agent-sim-0000000a;1} lose their per-call numbers. */
    static String normalize(String channel) {
        return channel.replaceAll("IAX2/carrier-\\d+", "IAX2/carrier").replaceAll("-[0-9a-f]{8}(;[12])?$", "$1");
    }

    private static Map<String, Long> count(List<String> descriptions) {
        return descriptions.stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    static Map<String, Long> eventTypeCounts(List<AmiMessage> events) {
        return events.stream()
                .filter(TraceShape::significant)
                .collect(Collectors.groupingBy(
                        e -> e.get("Event").orElseThrow(), LinkedHashMap::new, Collectors.counting()));
    }
}
