package io.switchboard.campaign.list;

import io.switchboard.campaign.LeadData;
import io.switchboard.contact.ContactId;
import io.switchboard.contact.NumberOwners;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Writes one batch of checked rows into a campaign: a number seen before (earlier in the batch, earlier in the
 * list, or in an earlier list) is merged into its lead, the others become new leads linked to the contact that
 * owns their number.
 */
final class LeadBatchWriter {

    record Written(long imported, long merged) {}

    /**
     * What one import knows across its batches. The numbers it wrote are kept in memory, so that a repeat further
     * down the list is found without searching the leads: while a big import runs, the planner's statistics still
     * describe the table as it was, and a search of every batch's numbers could become a scan per batch. Only a
     * campaign that had leads before is searched for every number.
     */
    static final class ImportState {
        final Set<String> written = new HashSet<>();
        final boolean campaignHadLeads;

        ImportState(boolean campaignHadLeads) {
            this.campaignHadLeads = campaignHadLeads;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final LeadInserts inserts;
    private final NumberOwners owners;

    LeadBatchWriter(NamedParameterJdbcTemplate jdbc, LeadInserts inserts, NumberOwners owners) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.owners = owners;
    }

    Written write(long campaignId, long importId, List<ListRow> rows, Instant now, ImportState state) {
        Map<String, ListRow> byNumber = new LinkedHashMap<>();
        long merged = 0;
        for (ListRow row : rows) {
            ListRow earlier = byNumber.get(row.e164());
            if (earlier == null) {
                byNumber.put(row.e164(), row);
            } else {
                byNumber.put(row.e164(), merge(earlier, row));
                merged++;
            }
        }
        if (byNumber.isEmpty()) {
            return new Written(0, merged);
        }
        List<String> known = state.campaignHadLeads
                ? new ArrayList<>(byNumber.keySet())
                : byNumber.keySet().stream().filter(state.written::contains).toList();
        Map<String, Existing> existing = known.isEmpty() ? Map.of() : existing(campaignId, known);
        List<MapSqlParameterSource> updates = new ArrayList<>();
        List<Object[]> fresh = new ArrayList<>();
        OffsetDateTime time = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Map<String, ContactId> contacts = owners.soleOwners(byNumber.keySet());
        for (ListRow row : byNumber.values()) {
            Existing lead = existing.get(row.e164());
            if (lead != null) {
                merged++;
                updates.add(new MapSqlParameterSource("id", lead.id)
                        .addValue("name", row.name(), Types.VARCHAR)
                        .addValue(
                                "data",
                                LeadData.toJson(LeadData.merge(LeadData.fromJson(lead.data), row.data())),
                                Types.VARCHAR)
                        .addValue("now", time, Types.TIMESTAMP_WITH_TIMEZONE));
            } else {
                ContactId contact = contacts.get(row.e164());
                fresh.add(new Object[] {
                    campaignId,
                    importId,
                    row.e164(),
                    row.name(),
                    row.timezone(),
                    contact == null ? null : contact.value(),
                    LeadData.toJson(row.data()),
                    "NEW",
                    row.priority(),
                    0,
                    time,
                    time,
                    time
                });
            }
        }
        if (!updates.isEmpty()) {
            // a repeated row adds its data; name and zone stay as the lead was first imported
            jdbc.batchUpdate(
                    "update leads set name = coalesce(name, :name), data = :data, updated_at = :now where id = :id",
                    updates.toArray(MapSqlParameterSource[]::new));
        }
        inserts.insert(fresh);
        fresh.forEach(row -> state.written.add((String) row[2]));
        return new Written(fresh.size(), merged);
    }

    private Map<String, Existing> existing(long campaignId, java.util.Collection<String> numbers) {
        Map<String, Existing> existing = new HashMap<>();
        jdbc.query(
                "select id, e164, data from leads where campaign_id = :campaign and e164 in (:numbers)",
                Map.of("campaign", campaignId, "numbers", numbers),
                rs -> {
                    existing.put(rs.getString("e164"), new Existing(rs.getLong("id"), rs.getString("data")));
                });
        return existing;
    }

    private static ListRow merge(ListRow earlier, ListRow later) {
        return new ListRow(
                earlier.row(),
                earlier.cells(),
                earlier.e164(),
                earlier.name() != null ? earlier.name() : later.name(),
                earlier.timezone(),
                Math.max(earlier.priority(), later.priority()),
                LeadData.merge(earlier.data(), later.data()));
    }

    private record Existing(long id, String data) {}
}
