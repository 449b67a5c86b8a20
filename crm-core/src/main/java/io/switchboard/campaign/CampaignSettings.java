package io.switchboard.campaign;

import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.directory.UserId;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a campaign manager sets on a campaign. {@link #defaults} gives sensible values; the {@code with}
 * methods change one.
 *
 * @param queue the PBX queue answered calls go to (where the assigned agents log in)
 * @param callerId the number customers see; {@code null}: the trunk's default
 * @param agents the users who work the campaign
 * @param maxAttempts dials per lead before it is given up ({@link LeadStatus#EXHAUSTED})
 * @param retryDelays how long a lead waits after an attempt with that outcome; outcomes missing get the defaults
 * @param abandonCap the share of answered calls that may be abandoned in a day (0.03 = 3 %), for predictive pacing
 * @param dispositions what agents may set after a call, in the order they are offered
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
        List<CampaignDisposition> dispositions) {

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
    }

    /** Progressive dialling into {@code queue}, every day 09:00-21:00, 5 attempts, the default delays, 3 % cap. */
    public static CampaignSettings defaults(String name, String queue) {
        return new CampaignSettings(
                name,
                DialMode.PROGRESSIVE,
                queue,
                null,
                Set.of(),
                CallWindow.standard(),
                5,
                DEFAULT_RETRY_DELAYS,
                LeadOrder.DUE_FIRST,
                0.03,
                DEFAULT_DISPOSITIONS);
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
        return new CampaignSettings(
                newName,
                dialMode,
                queue,
                callerId,
                agents,
                callWindow,
                maxAttempts,
                retryDelays,
                leadOrder,
                abandonCap,
                dispositions);
    }

    public CampaignSettings withDialMode(DialMode mode) {
        return new CampaignSettings(
                name,
                mode,
                queue,
                callerId,
                agents,
                callWindow,
                maxAttempts,
                retryDelays,
                leadOrder,
                abandonCap,
                dispositions);
    }

    public CampaignSettings withCallerId(String number) {
        return new CampaignSettings(
                name,
                dialMode,
                queue,
                number,
                agents,
                callWindow,
                maxAttempts,
                retryDelays,
                leadOrder,
                abandonCap,
                dispositions);
    }

    public CampaignSettings withAgents(Set<UserId> users) {
        return new CampaignSettings(
                name,
                dialMode,
                queue,
                callerId,
                users,
                callWindow,
                maxAttempts,
                retryDelays,
                leadOrder,
                abandonCap,
                dispositions);
    }

    public CampaignSettings withCallWindow(CallWindow window) {
        return new CampaignSettings(
                name,
                dialMode,
                queue,
                callerId,
                agents,
                window,
                maxAttempts,
                retryDelays,
                leadOrder,
                abandonCap,
                dispositions);
    }

    public CampaignSettings withMaxAttempts(int attempts) {
        return new CampaignSettings(
                name,
                dialMode,
                queue,
                callerId,
                agents,
                callWindow,
                attempts,
                retryDelays,
                leadOrder,
                abandonCap,
                dispositions);
    }

    public CampaignSettings withRetryDelay(AttemptOutcome outcome, Duration delay) {
        Map<AttemptOutcome, Duration> delays = new EnumMap<>(retryDelays);
        delays.put(outcome, delay);
        return new CampaignSettings(
                name,
                dialMode,
                queue,
                callerId,
                agents,
                callWindow,
                maxAttempts,
                delays,
                leadOrder,
                abandonCap,
                dispositions);
    }

    public CampaignSettings withLeadOrder(LeadOrder order) {
        return new CampaignSettings(
                name,
                dialMode,
                queue,
                callerId,
                agents,
                callWindow,
                maxAttempts,
                retryDelays,
                order,
                abandonCap,
                dispositions);
    }

    public CampaignSettings withAbandonCap(double cap) {
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
                cap,
                dispositions);
    }

    public CampaignSettings withDispositions(List<CampaignDisposition> list) {
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
                list);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
