package db.migration;

import io.switchboard.jdbc.PostgresOnlyMigration;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Indexes for the contacts page's search as you type, on PostgreSQL only: trigram (pg_trgm, GIN) indexes serve
 * {@code lower(name) like '%ada%'} on the lower-cased name, email and company, so that a search of a million contacts
 * reads a few index pages instead of every row; a B-tree on the name serves the default order; tags are compared
 * without case. H2 (the demo, a few thousand contacts at most) has no pg_trgm and scans, which is fast enough there,
 * so this migration does nothing on it. Java rather than SQL because Flyway's SQL migrations cannot say "only on
 * PostgreSQL" without a second set of migration folders.
 *
 * <p>Why trigrams and not full-text search: people type the middle of names ("ovel" for Lovelace), parts of e-mail
 * addresses and company fragments; {@code tsvector} matches whole words (or prefixes with {@code :*}) and would miss
 * those. Phone numbers need no new index: their reversed digits are already indexed for caller lookup, and any
 * ending of a number is a prefix range there.
 */
public class V18_50__Contact_search_indexes extends PostgresOnlyMigration {

    @Override
    protected void migratePostgres(Statement sql) throws SQLException {
        // pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it
        sql.execute("create extension if not exists pg_trgm");
        sql.execute("create index contacts_name_trgm_ix on contacts using gin (lower(name) gin_trgm_ops)");
        sql.execute("create index contacts_email_trgm_ix on contacts using gin (lower(email) gin_trgm_ops)");
        sql.execute("create index accounts_name_key_trgm_ix on accounts using gin (name_key gin_trgm_ops)");
        sql.execute("create index contacts_name_ix on contacts (name, id)");
        sql.execute("create index contacts_updated_ix on contacts (updated_at, id)");
        sql.execute("create index contact_tags_lower_tag_ix on contact_tags (lower(tag))");
    }
}
