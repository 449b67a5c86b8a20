package io.switchboard.campaign;

import io.switchboard.campaign.pacing.DialMode;
import io.switchboard.directory.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a campaign's stored settings back without letting one bad value hide the campaign: each setting the checks
 * refuse is noted as an {@link InvalidSetting} and replaced by its default, so the list still shows every campaign and
 * the campaign's page says what to correct. One bad row used to turn the whole campaign list into a 400.
 */
final class StoredSettings {

    /** The settings as far as they are valid, and what was not. */
    record Read(CampaignSettings settings, List<InvalidSetting> invalid) {}

    /** The columns of one campaigns row, as stored. */
    record Columns(
            long id,
            String name,
            String dialMode,
            String queue,
            String callerId,
            String weeklyHours,
            String closedDays,
            int maxAttempts,
            String retryDelays,
            String leadOrder,
            double abandonCap) {}

    private StoredSettings() {}

    static Read read(
            Columns row, Set<UserId> agents, List<CampaignDisposition> dispositions, List<InvalidSetting> found) {
        List<InvalidSetting> invalid = new ArrayList<>(found);
        DialMode dialMode = parse("dialMode", () -> DialMode.valueOf(row.dialMode()), DialMode.PROGRESSIVE, invalid);
        CallWindow window = parse(
                "callWindow",
                () -> new CallWindow(
                        SettingsColumns.strings(row.weeklyHours()), SettingsColumns.strings(row.closedDays())),
                CallWindow.standard(),
                invalid);
        Map<AttemptOutcome, Duration> delays =
                parse("retryDelays", () -> SettingsColumns.delays(row.retryDelays()), Map.of(), invalid);
        LeadOrder order = parse("leadOrder", () -> LeadOrder.valueOf(row.leadOrder()), LeadOrder.DUE_FIRST, invalid);
        Set<String> defaulted = new HashSet<>();
        while (true) {
            CampaignSettings.Builder settings = CampaignSettings.builder(
                            defaulted.contains("name") ? "Campaign " + row.id() : row.name(),
                            defaulted.contains("queue") ? null : row.queue())
                    // a dialler without its queue cannot run: shown as preview, flagged
                    .dialMode(defaulted.contains("queue") ? DialMode.PREVIEW : dialMode)
                    .callerId(defaulted.contains("callerId") ? null : row.callerId())
                    .agents(agents)
                    .callWindow(window)
                    .leadOrder(order)
                    .dispositions(defaulted.contains("dispositions") ? List.of() : dispositions);
            if (!defaulted.contains("maxAttempts")) {
                settings.maxAttempts(row.maxAttempts());
            }
            if (!defaulted.contains("abandonCap")) {
                settings.abandonCap(row.abandonCap());
            }
            if (!defaulted.contains("retryDelays")) {
                delays.forEach(settings::retryDelay);
            }
            try {
                return new Read(settings.build(), List.copyOf(invalid));
            } catch (InvalidCampaignException e) {
                if (!defaulted.add(e.field())) {
                    throw e; // its default is refused too: a check this reader does not know
                }
                invalid.add(new InvalidSetting(e.field(), e.getMessage()));
            }
        }
    }

    private static <T> T parse(String field, Supplier<T> stored, T fallback, List<InvalidSetting> invalid) {
        try {
            return stored.get();
        } catch (RuntimeException e) {
            String why = e instanceof InvalidCampaignException ? e.getMessage() : "the stored value cannot be read";
            invalid.add(new InvalidSetting(field, why));
            return fallback;
        }
    }
}
