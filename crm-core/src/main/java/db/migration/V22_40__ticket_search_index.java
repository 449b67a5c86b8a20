package db.migration;

import io.switchboard.jdbc.PostgresOnlyMigration;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The ticket workbench's search box on PostgreSQL: a trigram (pg_trgm, GIN) index on the lower-cased subject, so that
 * {@code lower(subject) like '%printer%'} reads the index's few matching entries instead of every ticket of the view
 * (the contact's name already has one, {@code contacts_name_trgm_ix} of {@code V18_50}). Trigrams rather than
 * full-text search because the box finds parts of words ("print", an order number's digits) as it always has. H2
 * (the demo, a few hundred tickets) has no pg_trgm and reads the tickets, which is fast enough there, so this does
 * nothing on it; a Java migration because one SQL file cannot say "only on PostgreSQL".
 */
public class V22_40__ticket_search_index extends PostgresOnlyMigration {

    @Override
    protected void migratePostgres(Statement sql) throws SQLException {
        // a trusted extension since PostgreSQL 13; V18_50 created it already, unless a DBA did before
        sql.execute("create extension if not exists pg_trgm");
        sql.execute("create index tickets_subject_trgm_ix on tickets using gin (lower(subject) gin_trgm_ops)");
    }
}
