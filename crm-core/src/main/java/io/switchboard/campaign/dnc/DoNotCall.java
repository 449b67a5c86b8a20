package io.switchboard.campaign.dnc;

import io.switchboard.campaign.CampaignAccess;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.DoNotCallLists;
import io.switchboard.campaign.InvalidCampaignException;
import io.switchboard.campaign.LeadNumbers;
import io.switchboard.directory.AuditLog;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Do-not-call lists: a global one and one per campaign, each of numbers and prefixes. Checked when a list is
 * imported and again just before a lead is dialled, so a number added after the import is never called.
 */
public class DoNotCall implements DoNotCallLists {

    /** Numbers per query: well within PostgreSQL's limit of bind parameters. */
    private static final int CHUNK = 1_000;

    private static final String SELECT = "select id, campaign_id, kind, e164, reason, added_at from dnc_entries";

    private final NamedParameterJdbcTemplate jdbc;
    private final LeadNumbers numbers;
    private final Clock clock;
    private final AuditLog audit;

    DoNotCall(NamedParameterJdbcTemplate jdbc, LeadNumbers numbers, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Adds a number or prefix to the global list ({@code campaignId} null) or a campaign's; adding one that is there
     * already returns the existing entry.
     *
     * @param value a number in any form libphonenumber reads (it is stored in E.164), or a prefix {@code +1900}
     */
    public DncEntry add(CampaignId campaignId, DncKind kind, String value, String reason, Viewer viewer) {
        CampaignAccess.requireManager(viewer, "change do-not-call lists");
        return add(campaignId, kind, normalise(kind, value), reason, viewer.user());
    }

    /**
     * Puts a number on a campaign's list for an agent's DNC disposition (no manager needed).
     *
     * @param e164 a number already in E.164
     */
    @Override
    public void blockFromDisposition(CampaignId campaignId, String e164, String reason, UserId agent) {
        add(campaignId, DncKind.NUMBER, e164, reason, agent);
    }

    @Override
    public Set<String> blockedNumbers(CampaignId campaignId, Collection<String> e164s) {
        return blocked(campaignId, e164s).keySet();
    }

    /** @return whether there was such an entry */
    public boolean remove(long entryId, Viewer viewer) {
        CampaignAccess.requireManager(viewer, "change do-not-call lists");
        List<DncEntry> entry = jdbc.query(SELECT + " where id = :id", Map.of("id", entryId), DoNotCall::entry);
        boolean removed = jdbc.update("delete from dnc_entries where id = :id", Map.of("id", entryId)) == 1;
        if (removed && !entry.isEmpty()) {
            audit.record(viewer, "dnc.removed", "dnc", entryId, entry.get(0), null);
        }
        return removed;
    }

    /** The global list ({@code campaignId} null) or a campaign's own, by value. */
    public List<DncEntry> list(CampaignId campaignId, int offset, int limit, Viewer viewer) {
        if (!CampaignAccess.oversees(viewer)) {
            throw new io.switchboard.campaign.CampaignAccessDeniedException(
                    "only supervisors, campaign managers and admins may see do-not-call lists");
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("offset", offset).addValue("limit", limit);
        String where = campaignId == null ? " where campaign_id is null" : " where campaign_id = :campaign";
        parameters.addValue("campaign", campaignId == null ? null : campaignId.value(), Types.BIGINT);
        return jdbc.query(
                SELECT + where + " order by e164, kind limit :limit offset :offset", parameters, DoNotCall::entry);
    }

    /**
     * Which of the numbers campaign {@code campaignId} must not call, with why.
     *
     * @param e164s numbers in E.164
     * @return the blocked ones, each with the first entry (global ones first) that blocks it
     */
    public Map<String, DncEntry> blocked(CampaignId campaignId, Collection<String> e164s) {
        Map<String, DncEntry> blocked = new HashMap<>();
        if (e164s.isEmpty()) {
            return blocked;
        }
        List<DncEntry> prefixes = jdbc.query(
                SELECT + " where kind = 'PREFIX' and (campaign_id is null or campaign_id = :campaign)"
                        + " order by campaign_id nulls first, e164",
                Map.of("campaign", campaignId.value()),
                DoNotCall::entry);
        List<String> all = new ArrayList<>(e164s);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            jdbc.query(
                    SELECT + " where kind = 'NUMBER' and e164 in (:numbers)"
                            + " and (campaign_id is null or campaign_id = :campaign)",
                    Map.of("numbers", chunk, "campaign", campaignId.value()),
                    rs -> {
                        DncEntry entry = entry(rs, 0);
                        blocked.merge(entry.value(), entry, (a, b) -> a.global() ? a : b);
                    });
        }
        if (!prefixes.isEmpty()) {
            for (String number : all) {
                if (!blocked.containsKey(number)) {
                    prefixes.stream()
                            .filter(prefix -> prefix.matches(number))
                            .findFirst()
                            .ifPresent(prefix -> blocked.put(number, prefix));
                }
            }
        }
        return blocked;
    }

    public Optional<DncEntry> blocked(CampaignId campaignId, String e164) {
        return Optional.ofNullable(blocked(campaignId, List.of(e164)).get(e164));
    }

    private DncEntry add(CampaignId campaignId, DncKind kind, String value, String reason, UserId by) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("campaign", campaignId == null ? null : campaignId.value(), Types.BIGINT)
                .addValue("kind", kind.name())
                .addValue("value", value)
                .addValue("reason", reason == null || reason.isBlank() ? null : truncate(reason.strip()), Types.VARCHAR)
                .addValue("by", by == null ? null : by.value(), Types.BIGINT)
                .addValue(
                        "now",
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
        String same = " where kind = :kind and e164 = :value and "
                + (campaignId == null ? "campaign_id is null" : "campaign_id = :campaign");
        List<DncEntry> existing = jdbc.query(SELECT + same, parameters, DoNotCall::entry);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        jdbc.update(
                "insert into dnc_entries (campaign_id, kind, e164, reason, added_by, added_at)"
                        + " values (:campaign, :kind, :value, :reason, :by, :now)",
                parameters);
        DncEntry added = jdbc.query(SELECT + same + " order by id", parameters, DoNotCall::entry)
                .get(0);
        audit.record(by, "dnc.added", "dnc", added.id(), null, added);
        return added;
    }

    private String normalise(DncKind kind, String value) {
        String text = value == null ? "" : value.strip();
        if (kind == DncKind.NUMBER) {
            return numbers.e164(text)
                    .orElseThrow(() -> new InvalidCampaignException("value", "not a valid phone number: " + text));
        }
        String digits = text.startsWith("+") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidCampaignException(
                    "value", "a prefix is + and 1 to 15 digits of an E.164 number (+1900): " + text);
        }
        return "+" + digits;
    }

    private static String truncate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    private static DncEntry entry(ResultSet rs, int row) throws SQLException {
        long campaign = rs.getLong("campaign_id");
        CampaignId campaignId = rs.wasNull() ? null : new CampaignId(campaign);
        OffsetDateTime added = rs.getObject("added_at", OffsetDateTime.class);
        return new DncEntry(
                rs.getLong("id"),
                campaignId,
                DncKind.valueOf(rs.getString("kind")),
                rs.getString("e164"),
                rs.getString("reason"),
                added.toInstant());
    }
}
