package io.switchboard.campaign;

import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.directory.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a campaign manager sets on a campaign. {@link #defaults} gives sensible values, {@link #builder} starts
 * from them, {@link #toBuilder} from these settings; a {@code with} method changes one.
 *
 * @param queue the PBX queue answered calls go to (where the assigned agents log in)
 * @param callerId the number customers see; {@code null}: the trunk's default
 * @param agents the users who work the campaign
 * @param maxAttempts dials per lead before it is given up ({@link LeadStatus#EXHAUSTED})
 * @param retryDelays how long a lead waits after an attempt with that outcome; outcomes missing get the defaults
 * @param abandonCap the share of answered calls that may be abandoned in a day (0.03 = 3 %), for predictive pacing
 * @param dispositions what agents may set after a call, in the order they are offered
 * @param pbxes the PBXes (ids of {@code switchboard.pbxes}) the campaign may dial through; empty: every one configured.
 *     Which ids exist is the application's to check ({@link Campaigns} is given them); here only their form is.
 */
public record CampaignSettings(
        String name,
        DialMode dialMode,
        String queue,
        String callerId,
        Set<UserId> agents,
        CallWindow callWindow,
        int maxAttempts,
        Map<AttemptOutcome, Duration> retryDelays,
        LeadOrder leadOrder,
        double abandonCap,
        List<CampaignDisposition> dispositions,
        List<String> pbxes) {

    /** Busy 10 min, no answer 2 h, machine 4 h, abandoned 1 h, failed 30 min. */
    public static final Map<AttemptOutcome, Duration> DEFAULT_RETRY_DELAYS = Map.of(
            AttemptOutcome.BUSY, Duration.ofMinutes(10),
            AttemptOutcome.NO_ANSWER, Duration.ofHours(2),
            AttemptOutcome.MACHINE, Duration.ofHours(4),
            AttemptOutcome.ABANDONED, Duration.ofHours(1),
            AttemptOutcome.FAILED, Duration.ofMinutes(30));

    public static final List<CampaignDisposition> DEFAULT_DISPOSITIONS = List.of(
            CampaignDisposition.of("SALE", "Sale", DispositionAction.FINAL),
            CampaignDisposition.of("NOT_INTERESTED", "Not interested", DispositionAction.FINAL),
            CampaignDisposition.retry("CALL_AGAIN", "Call again later", Duration.ofHours(4)),
            CampaignDisposition.of("CALLBACK", "Callback arranged", DispositionAction.CALLBACK),
            CampaignDisposition.of("WRONG_NUMBER", "Wrong number", DispositionAction.FINAL),
            CampaignDisposition.of("DNC", "Do not call", DispositionAction.DNC));

    /** Outcomes whose retry delay is configurable: the others wait for a disposition or end the lead. */
    public static final Set<AttemptOutcome> RETRIED_OUTCOMES = DEFAULT_RETRY_DELAYS.keySet();

    public CampaignSettings {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidCampaignException("name", "a campaign name must be 1 to 200 characters");
        }
        name = name.strip();
        dialMode = dialMode == null ? DialMode.PROGRESSIVE : dialMode;
        queue = blankToNull(queue);
        if (queue != null && queue.length() > 80) {
            throw new InvalidCampaignException("queue", "a queue name must be at most 80 characters");
        }
        if (dialMode != DialMode.PREVIEW && queue == null) {
            throw new InvalidCampaignException("queue", dialMode + " dialling needs a queue for answered calls");
        }
        callerId = blankToNull(callerId);
        if (callerId != null && callerId.length() > 64) {
            throw new InvalidCampaignException("callerId", "a caller id must be at most 64 characters");
        }
        agents = agents == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(agents));
        callWindow = callWindow == null ? CallWindow.standard() : callWindow;
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new InvalidCampaignException("maxAttempts", "max attempts must be between 1 and 100");
        }
        Map<AttemptOutcome, Duration> delays = new EnumMap<>(DEFAULT_RETRY_DELAYS);
        if (retryDelays != null) {
            for (Map.Entry<AttemptOutcome, Duration> delay : retryDelays.entrySet()) {
                if (!RETRIED_OUTCOMES.contains(delay.getKey())) {
                    throw new InvalidCampaignException(
                            "retryDelays", delay.getKey() + " is not retried by delay (only " + RETRIED_OUTCOMES + ")");
                }
                if (delay.getValue() == null || delay.getValue().isNegative()) {
                    throw new InvalidCampaignException(
                            "retryDelays", "retry delay of " + delay.getKey() + " is negative");
                }
                delays.put(delay.getKey(), delay.getValue());
            }
        }
        retryDelays = Map.copyOf(delays);
        leadOrder = leadOrder == null ? LeadOrder.DUE_FIRST : leadOrder;
        if (!(abandonCap >= 0 && abandonCap <= 1)) {
            throw new InvalidCampaignException("abandonCap", "the abandon cap is a share between 0 and 1 (0.03 = 3 %)");
        }
        dispositions =
                dispositions == null || dispositions.isEmpty() ? DEFAULT_DISPOSITIONS : List.copyOf(dispositions);
        Set<String> codes = new HashSet<>();
        for (CampaignDisposition disposition : dispositions) {
            if (!codes.add(disposition.code())) {
                throw new InvalidCampaignException(
                        "dispositions", "two dispositions with the code " + disposition.code());
            }
        }
        pbxes = pbxes == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(pbxes));
        for (String pbx : pbxes) {
            if (pbx == null || !pbx.matches("[A-Za-z0-9_-]{1,40}")) {
                throw new InvalidCampaignException("pbxes", "'" + pbx + "' is not a PBX id");
            }
        }
        pbxes = List.copyOf(pbxes);
    }

    /** Whether the campaign may dial through {@code pbx}: it lists it, or lists none. */
    public boolean mayUse(String pbx) {
        return pbxes.isEmpty() || pbxes.contains(pbx);
    }

    /** Progressive dialling into {@code queue}, every day 09:00-21:00, 5 attempts, the default delays, 3 % cap. */
    public static CampaignSettings defaults(String name, String queue) {
        return builder(name, queue).build();
    }

    /** Starts from {@link #defaults}; nothing is checked until {@link Builder#build}. */
    public static Builder builder(String name, String queue) {
        return new Builder(name, queue);
    }

    /** These settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public Duration retryDelay(AttemptOutcome outcome) {
        return retryDelays.getOrDefault(outcome, Duration.ZERO);
    }

    public java.util.Optional<CampaignDisposition> disposition(String code) {
        return dispositions.stream()
                .filter(d -> d.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }

    public CampaignSettings withName(String newName) {
        return toBuilder().name(newName).build();
    }

    public CampaignSettings withDialMode(DialMode mode) {
        return toBuilder().dialMode(mode).build();
    }

    public CampaignSettings withCallerId(String number) {
        return toBuilder().callerId(number).build();
    }

    public CampaignSettings withAgents(Set<UserId> users) {
        return toBuilder().agents(users).build();
    }

    public CampaignSettings withCallWindow(CallWindow window) {
        return toBuilder().callWindow(window).build();
    }

    public CampaignSettings withMaxAttempts(int attempts) {
        return toBuilder().maxAttempts(attempts).build();
    }

    public CampaignSettings withRetryDelay(AttemptOutcome outcome, Duration delay) {
        return toBuilder().retryDelay(outcome, delay).build();
    }

    public CampaignSettings withLeadOrder(LeadOrder order) {
        return toBuilder().leadOrder(order).build();
    }

    public CampaignSettings withAbandonCap(double cap) {
        return toBuilder().abandonCap(cap).build();
    }

    public CampaignSettings withDispositions(List<CampaignDisposition> list) {
        return toBuilder().dispositions(list).build();
    }

    public CampaignSettings withPbxes(List<String> ids) {
        return toBuilder().pbxes(ids).build();
    }

    /** Settings being put together; {@link #build} checks them all at once through the canonical constructor. */
    public static final class Builder {
        private String name;
        private DialMode dialMode = DialMode.PROGRESSIVE;
        private String queue;
        private String callerId;
        private Set<UserId> agents = Set.of();
        private CallWindow callWindow = CallWindow.standard();
        private int maxAttempts = 5;
        private final Map<AttemptOutcome, Duration> retryDelays = new EnumMap<>(DEFAULT_RETRY_DELAYS);
        private LeadOrder leadOrder = LeadOrder.DUE_FIRST;
        private double abandonCap = 0.03;
        private List<CampaignDisposition> dispositions = DEFAULT_DISPOSITIONS;
        private List<String> pbxes = List.of();

        private Builder(String name, String queue) {
            this.name = name;
            this.queue = queue;
        }

        private Builder(CampaignSettings settings) {
            this(settings.name, settings.queue);
            dialMode = settings.dialMode;
            callerId = settings.callerId;
            agents = settings.agents;
            callWindow = settings.callWindow;
            maxAttempts = settings.maxAttempts;
            retryDelays.putAll(settings.retryDelays);
            leadOrder = settings.leadOrder;
            abandonCap = settings.abandonCap;
            dispositions = settings.dispositions;
            pbxes = settings.pbxes;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder dialMode(DialMode dialMode) {
            this.dialMode = dialMode;
            return this;
        }

        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        public Builder callerId(String callerId) {
            this.callerId = callerId;
            return this;
        }

        public Builder agents(Set<UserId> agents) {
            this.agents = agents;
            return this;
        }

        public Builder callWindow(CallWindow callWindow) {
            this.callWindow = callWindow;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** One outcome's delay; the others keep theirs. */
        public Builder retryDelay(AttemptOutcome outcome, Duration delay) {
            retryDelays.put(outcome, delay);
            return this;
        }

        public Builder leadOrder(LeadOrder leadOrder) {
            this.leadOrder = leadOrder;
            return this;
        }

        public Builder abandonCap(double abandonCap) {
            this.abandonCap = abandonCap;
            return this;
        }

        public Builder dispositions(List<CampaignDisposition> dispositions) {
            this.dispositions = dispositions;
            return this;
        }

        /** The PBXes the campaign may dial through; empty for all. */
        public Builder pbxes(List<String> pbxes) {
            this.pbxes = pbxes;
            return this;
        }

        /** @throws InvalidCampaignException naming the first field that is wrong */
        public CampaignSettings build() {
            return new CampaignSettings(
                    name,
                    dialMode,
                    queue,
                    callerId,
                    agents,
                    callWindow,
                    maxAttempts,
                    retryDelays,
                    leadOrder,
                    abandonCap,
                    dispositions,
                    pbxes);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
