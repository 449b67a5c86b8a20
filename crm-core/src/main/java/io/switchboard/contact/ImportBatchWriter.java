package io.switchboard.contact;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * Writes one batch of import rows: new contacts, their phone numbers and tags are appended ({@link BulkInsert});
 * rows that match a stored contact (or an earlier row of the same import) update it instead, with JDBC batches.
 */
class ImportBatchWriter {

    /** How a batch went. */
    record Written(int inserted, int updated) {}

    /** A row and the contact id it writes to. */
    private record Target(ImportRow row, long contactId, Long phoneId) {}

    private final JdbcTemplate jdbc;
    private final ExistingContacts existing;
    private final AccountIds accounts;
    private final Visibility visibility;
    private final IdBlocks contactIds;
    private final IdBlocks phoneIds;
    private final BulkInsert bulk;

    ImportBatchWriter(JdbcTemplate jdbc, BulkInsert inserts, Visibility visibility) {
        this.jdbc = jdbc;
        this.bulk = inserts;
        this.existing = new ExistingContacts(jdbc);
        this.accounts = new AccountIds(jdbc);
        this.visibility = visibility;
        // The sequences' increments, as in the migrations and the entities' allocationSize.
        this.contactIds = new IdBlocks(jdbc, "contacts_seq", 1000);
        this.phoneIds = new IdBlocks(jdbc, "phone_numbers_seq", 1000);
    }

    /**
     * Finds or creates the batch's accounts. Call it in a transaction of its own before {@link #write}: accounts
     * are shared between parallel writers, and a short transaction keeps them from waiting on each other.
     */
    Map<String, Long> accounts(List<ImportRow> rows, Instant now) {
        return accounts.resolve(
                rows.stream().map(ImportRow::company).filter(Objects::nonNull).toList(), now);
    }

    Written write(List<ImportRow> rows, Map<String, Long> accountIds, Instant now) {
        Map<String, ExistingContacts.Match> stored = existing.find(rows);
        Map<String, Target> byKey = new LinkedHashMap<>();
        List<Target> inserts = new ArrayList<>();
        List<Target> updates = new ArrayList<>();
        for (ImportRow row : rows) {
            String key = row.key();
            Target earlier = key == null ? null : byKey.get(key);
            ExistingContacts.Match match = key == null ? null : stored.get(key);
            Target target;
            if (earlier != null) {
                target = new Target(row, earlier.contactId(), earlier.phoneId());
                updates.add(target);
            } else if (match != null) {
                target = new Target(row, match.contactId(), match.phoneId());
                updates.add(target);
            } else {
                target = new Target(row, contactIds.next(), row.phone() == null ? null : phoneIds.next());
                inserts.add(target);
            }
            if (key != null) {
                byKey.put(key, target);
            }
        }
        // Inserts first: a later row of this batch may update a contact an earlier row created.
        insertContacts(inserts, accountIds, now);
        insertPhones(inserts);
        updateContacts(updates, accountIds, now);
        replaceTags(inserts, updates);
        return new Written(inserts.size(), updates.size());
    }

    private void insertContacts(List<Target> targets, Map<String, Long> accountIds, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>(targets.size());
        for (Target target : targets) {
            ImportRow row = target.row();
            rows.add(new Object[] {
                target.contactId(),
                row.name(),
                account(row, accountIds),
                row.email(),
                row.ownerId(),
                row.teamId(),
                visibility.name(),
                row.notes(),
                at,
                at,
                0L
            });
        }
        bulk.insert(BulkInsert.Table.CONTACTS, rows);
    }

    private void insertPhones(List<Target> targets) {
        List<Object[]> rows = new ArrayList<>(targets.size());
        for (Target target : targets) {
            NormalizedNumber phone = target.row().phone();
            if (phone != null) {
                PhoneType type = target.row().phoneType();
                rows.add(new Object[] {
                    target.phoneId(),
                    target.contactId(),
                    (type == null ? PhoneType.OTHER : type).name(),
                    phone.raw(),
                    phone.e164(),
                    phone.country(),
                    phone.nationalNumber(),
                    phone.reversedDigits(),
                    phone.unparseable()
                });
            }
        }
        bulk.insert(BulkInsert.Table.PHONE_NUMBERS, rows);
    }

    /** A re-imported row overwrites the fields it has and keeps those it leaves empty; visibility stays. */
    private void updateContacts(List<Target> targets, Map<String, Long> accountIds, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        batch("""
                update contacts set account_id = coalesce(?, account_id), email = coalesce(?, email),
                       owner_id = coalesce(?, owner_id), team_id = coalesce(?, team_id), notes = coalesce(?, notes),
                       updated_at = ?, version = version + 1
                 where id = ?""", targets, (ps, target) -> {
            ImportRow row = target.row();
            setLong(ps, 1, account(row, accountIds));
            setString(ps, 2, row.email());
            setLong(ps, 3, row.ownerId());
            setLong(ps, 4, row.teamId());
            setString(ps, 5, row.notes());
            ps.setObject(6, at);
            ps.setLong(7, target.contactId());
        });
        batch(
                "update phone_numbers set phone_type = ? where id = ?",
                targets.stream()
                        .filter(target ->
                                target.phoneId() != null && target.row().phoneType() != null)
                        .toList(),
                (ps, target) -> {
                    ps.setString(1, target.row().phoneType().name());
                    ps.setLong(2, target.phoneId());
                });
    }

    /** New contacts get the row's tags; a re-imported row with tags replaces the contact's tags. */
    private void replaceTags(List<Target> inserts, List<Target> updates) {
        Map<Long, Target> retagged = new HashMap<>();
        updates.stream()
                .filter(target -> !target.row().tags().isEmpty())
                .forEach(target -> retagged.put(target.contactId(), target));
        batch(
                "delete from contact_tags where contact_id = ?",
                List.copyOf(retagged.keySet()),
                (ps, id) -> ps.setLong(1, id));
        Map<Long, Target> tagged = new LinkedHashMap<>();
        inserts.forEach(target -> tagged.put(target.contactId(), target));
        tagged.putAll(retagged);
        List<Object[]> tags = new ArrayList<>();
        for (Target target : tagged.values()) {
            for (String tag : target.row().tags()) {
                tags.add(new Object[] {target.contactId(), tag});
            }
        }
        bulk.insert(BulkInsert.Table.CONTACT_TAGS, tags);
    }

    private static Long account(ImportRow row, Map<String, Long> accountIds) {
        return row.company() == null ? null : accountIds.get(AccountEntity.keyOf(row.company()));
    }

    private <T> void batch(String sql, List<T> items, ParameterizedPreparedStatementSetter<T> setter) {
        if (!items.isEmpty()) {
            jdbc.batchUpdate(sql, items, items.size(), setter);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
