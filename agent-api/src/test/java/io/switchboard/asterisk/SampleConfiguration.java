package io.switchboard.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The project's own sample PBX configuration ({@code config/manager.conf}, {@code queues.conf},
 * {@code extensions.conf}), loaded as shipped with only the device lines swapped for the rig's stand-ins. Every
 * swap must find its sample text, so a sample that changes under the suite fails it instead of being tested
 * half-swapped. Everything else (contexts, queues, strategies, timeouts, filters, permissions) is the sample's.
 */
final class SampleConfiguration {

    /** One textual swap: {@code sample} must occur in {@code file}; every occurrence becomes {@code standIn}. */
    record Swap(String file, String sample, String standIn, String why) {}

    /** The rig's queues' {@code wrapuptime} (the sample's is 10 s), and the application's wrap-up to match. */
    static final Duration WRAP_UP = Duration.ofSeconds(2);

    /** The only differences between what a user installs from config/ and what the suite runs. */
    static List<Swap> swaps(int amiPort) {
        return List.of(
                new Swap(
                        "extensions.conf",
                        "Dial(PJSIP/${EXTEN},30)",
                        "Goto(phone-stand-in,${EXTEN},1)",
                        "agents' phones: no SIP stack in the rig, a dialplan phone that rings, answers and hangs up"),
                new Swap(
                        "extensions.conf",
                        "PJSIP/${EXTEN}@carrier",
                        "IAX2/carrier/${EXTEN}",
                        "the trunk: the rig's carrier is a second Asterisk over IAX2"),
                new Swap(
                        "manager.conf",
                        "port = 5038",
                        "port = " + amiPort,
                        "a free port, so parallel runs do not clash"),
                new Swap("manager.conf", "bindaddr = 0.0.0.0", "bindaddr = 127.0.0.1", "loopback only"),
                new Swap(
                        "queues.conf",
                        "wrapuptime = 10",
                        "wrapuptime = " + WRAP_UP.toSeconds(),
                        "time: scenarios that need an agent who just had a queue call wait out the wrap-up; the"
                                + " application is told the same wrap-up"));
    }

    /** Appended to extensions.conf: the stand-ins' own contexts (src/test/resources/asterisk/pbx/stand-ins.conf). */
    static final String STAND_INS_INCLUDE = "\n#include \"stand-ins.conf\"\n";

    private SampleConfiguration() {}

    /** Writes the swapped samples into {@code etc}. */
    static void writeInto(Path etc, int amiPort) throws IOException {
        Path samples = samplesFolder();
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (String name : List.of("manager.conf", "queues.conf", "extensions.conf", "features.conf")) {
            files.put(name, Files.readString(samples.resolve(name)));
        }
        for (Swap swap : swaps(amiPort)) {
            String text = files.get(swap.file());
            if (!text.contains(swap.sample())) {
                throw new IllegalStateException("config/" + swap.file() + " no longer contains '" + swap.sample()
                        + "' (" + swap.why() + "): update SampleConfiguration's swaps with the sample");
            }
            files.put(swap.file(), text.replace(swap.sample(), swap.standIn()));
        }
        files.put("extensions.conf", files.get("extensions.conf") + STAND_INS_INCLUDE);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(etc.resolve(file.getKey()), file.getValue());
        }
    }

    /** The repository's config/ folder, from the module (Maven's working directory) or the repository root. */
    static Path samplesFolder() {
        for (Path candidate : List.of(Path.of("..", "config"), Path.of("config"))) {
            if (Files.isRegularFile(candidate.resolve("extensions.conf"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("the repository's config/ folder is not found from "
                + Path.of("").toAbsolutePath());
    }

    /** Copies a test resource of the rig ({@code asterisk/<path>}), replacing {@code @KEY@} placeholders. */
    static void copyResource(String path, Path target, Map<String, String> placeholders) throws IOException {
        try (InputStream in = SampleConfiguration.class.getResourceAsStream("/asterisk/" + path)) {
            if (in == null) {
                throw new IllegalStateException("test resource asterisk/" + path + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                text = text.replace("@" + placeholder.getKey() + "@", placeholder.getValue());
            }
            Files.writeString(target, text);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
