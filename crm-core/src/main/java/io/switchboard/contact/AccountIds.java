package io.switchboard.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** Finds or creates the accounts an import's company names refer to, remembering the most recent ones. */
class AccountIds {

    private static final int REMEMBERED = 50_000;

    private final JdbcTemplate jdbc;
    private final IdBlocks ids;
    private final Map<String, Long> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    AccountIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.ids = new IdBlocks(jdbc, "accounts_seq", 1000);
    }

    /**
     * The account id for each company name (by {@link AccountEntity#keyOf} key), creating missing accounts.
     * Unknown names are inserted first (most are new in a bulk import), then all of them read back.
     */
    Map<String, Long> resolve(Collection<String> companies, Instant now) {
        Map<String, Long> result = new HashMap<>();
        // Sorted, so that two writers inserting overlapping names lock them in the same order and never deadlock.
        Map<String, String> missing = new TreeMap<>();
        for (String company : companies) {
            String key = AccountEntity.keyOf(company);
            Long id = known.get(key);
            if (id != null) {
                result.put(key, id);
            } else {
                missing.putIfAbsent(key, company.strip());
            }
        }
        if (missing.isEmpty()) {
            return result;
        }
        List<Object[]> inserts = new ArrayList<>();
        Timestamp created = Timestamp.from(now);
        missing.forEach((key, name) -> inserts.add(new Object[] {ids.next(), name, key, created}));
        // Another writer of this import (or another import) may be creating the same account right now: the
        // database decides, and everyone reads back the id that won.
        jdbc.batchUpdate(
                "insert into accounts (id, name, name_key, created_at) values (?, ?, ?, ?) on conflict do nothing",
                inserts);
        jdbc.query(
                SqlArrays.withVarcharArray(
                        "select id, name_key from accounts where name_key = any(?)", missing.keySet()),
                rs -> {
                    result.put(rs.getString("name_key"), rs.getLong("id"));
                });
        known.putAll(result);
        return result;
    }
}
