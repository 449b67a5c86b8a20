package io.switchboard.gateway.call;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the tracker reads a PBX's calls.
 *
 * @param inboundContexts dialplan contexts where calls from outside arrive; a call whose first channel starts in
 *     one of them is inbound
 * @param maxExtensionLength the longest internal extension; longer numbers are outside numbers, and only channels
 *     named after an extension of at most this many digits are agent phones
 * @param recentlyEndedCapacity how many ended channel and call ids to remember against late or replayed events
 * @param dialContexts dialplan contexts that dial a customer first (campaign originates of {@code
 *     Local/<number>@<context>}): a call whose first channel starts in one is outbound to that channel's exten,
 *     and the customer's answering counts as the call being answered
 * @param amdVariable the channel variable answering machine detection sets; reported as {@link
 *     CallEvent.CallTagged} like the {@code SWITCHBOARD_} variables
 */
@ConfigurationProperties("switchboard.calls")
public record CallTrackerSettings(
        @DefaultValue({"from-trunk", "from-pstn", "from-external", "from-did", "from-carrier"})
        List<String> inboundContexts,

        @DefaultValue("6") int maxExtensionLength,
        @DefaultValue("50000") int recentlyEndedCapacity,
        @DefaultValue("campaign-out") List<String> dialContexts,
        @DefaultValue("AMDSTATUS") String amdVariable) {

    /** Channel variables starting with this are reported as {@link CallEvent.CallTagged}. */
    public static final String TAG_PREFIX = "SWITCHBOARD_";

    public CallTrackerSettings {
        dialContexts = dialContexts == null ? List.of() : List.copyOf(dialContexts);
        if (amdVariable == null || amdVariable.isBlank()) {
            amdVariable = "AMDSTATUS";
        }
    }

    public static CallTrackerSettings defaults() {
        return new CallTrackerSettings(
                List.of("from-trunk", "from-pstn", "from-external", "from-did", "from-carrier"),
                6,
                50_000,
                List.of("campaign-out"),
                "AMDSTATUS");
    }

    /** The tracker's name for a channel variable when it keeps it (see {@link CallEvent.CallTagged}), else null. */
    public String keptVariable(String name) {
        if (name == null) {
            return null;
        }
        int start = 0;
        while (start < 2 && start < name.length() && name.charAt(start) == '_') {
            start++; // _X and __X set X, inherited by the channels the call creates
        }
        boolean kept = name.startsWith(TAG_PREFIX, start)
                || (name.length() - start == amdVariable.length()
                        && name.regionMatches(true, start, amdVariable, 0, amdVariable.length()));
        if (!kept) {
            return null;
        }
        return start == 0 ? name : name.substring(start);
    }

    Set<String> inboundContextSet() {
        return Set.copyOf(inboundContexts);
    }

    Set<String> dialContextSet() {
        return Set.copyOf(dialContexts);
    }
}
