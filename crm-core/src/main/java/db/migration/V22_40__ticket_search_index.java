package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The ticket workbench's search box on PostgreSQL: a trigram (pg_trgm, GIN) index on the lower-cased subject, so that
 * {@code lower(subject) like '%printer%'} reads the index's few matching entries instead of every ticket of the view
 * (the contact's name already has one, {@code contacts_name_trgm_ix} of {@code V18_50}). Trigrams rather than
 * full-text search because the box finds parts of words ("print", an order number's digits) as it always has. H2
 * (the demo, a few hundred tickets) has no pg_trgm and reads the tickets, which is fast enough there, so this does
 * nothing on it; a Java migration because one SQL file cannot say "only on PostgreSQL".
 */
public class V22_40__ticket_search_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(database)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            // a trusted extension since PostgreSQL 13; V18_50 created it already, unless a DBA did before
            sql.execute("create extension if not exists pg_trgm");
            sql.execute("create index tickets_subject_trgm_ix on tickets using gin (lower(subject) gin_trgm_ops)");
        }
    }
}
