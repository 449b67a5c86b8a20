package io.switchboard.contact;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes the query planner's statistics after a bulk import. Until autovacuum gets round to it, PostgreSQL
 * still plans caller lookups for the tables as they were before the import (for a first import: empty), and picks
 * plans that are far too slow for a million rows.
 */
class PlannerStatistics {

    /** Imports smaller than this leave the statistics to autovacuum. */
    static final long THRESHOLD = 1_000;

    private final JdbcTemplate jdbc;

    PlannerStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void refreshAfterImport(long insertedRows) {
        if (insertedRows < THRESHOLD) {
            return;
        }
        String product = jdbc.execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(product)) {
            jdbc.execute("analyze accounts, contacts, contact_tags, phone_numbers");
        } else if ("H2".equals(product)) {
            jdbc.execute("analyze");
        }
    }
}
