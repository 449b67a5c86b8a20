package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The contacts page's search at 1,000,000 contacts (README, "Contacts: search"), after {@code explain (analyze,
 * buffers)} of each statement it sends:
 *
 * <ul>
 *   <li>{@code search_text}: the lower-cased name and e-mail, kept by the database itself (a generated column, so
 *       every way a contact is written, JPA, COPY or a merge, keeps it right). Lower-casing two columns for each row
 *       read was most of the search's cost: a common text read 20,000 rows to find its first 1,001 matches, each row
 *       lower-cased twice (about 1.5 µs); comparing a stored lower-case text costs a third of that. A newline between
 *       the two, so that no text matches across the end of the name and the start of the e-mail. One trigram index
 *       on it (PostgreSQL) replaces the e-mail's own; the name's stays, the ticket workbench's search reads it.
 *   <li>The tags' index gets the contact's id, so that the contacts holding a tag are read from the index alone, and
 *       the tags are never read by parallel workers.
 *   <li>An index for the newest-first order ({@code sort=CREATED}), which had none: each page of it sorted every
 *       visible contact.
 * </ul>
 *
 * <p>Written so that it may run on a database where the column and indexes were already made by hand (a data set
 * prepared for the benchmark).
 */
public class V24_10__contact_search_text extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = "PostgreSQL"
                .equalsIgnoreCase(context.getConnection().getMetaData().getDatabaseProductName());
        try (Statement sql = context.getConnection().createStatement()) {
            if (postgres) {
                // text, not varchar(n): lower() can lengthen a name ('İ' becomes two characters)
                sql.execute("alter table contacts add column if not exists search_text text generated always as"
                        + " (lower(name) || chr(10) || coalesce(lower(email), '')) stored");
                sql.execute("create index if not exists contacts_search_text_trgm_ix on contacts"
                        + " using gin (search_text gin_trgm_ops)");
                sql.execute("drop index if exists contacts_email_trgm_ix");
                sql.execute("create index if not exists contact_tags_lower_tag_contact_ix on contact_tags"
                        + " (lower(tag), contact_id)");
                sql.execute("drop index if exists contact_tags_lower_tag_ix");
                // a search reads at most a few thousand tags: starting parallel workers for that cost it more than
                // they saved (a common tag's first 1,001 contacts: 36 ms in parallel, 16 ms without, under load)
                sql.execute("alter table contact_tags set (parallel_workers = 0)");
            } else {
                sql.execute("alter table contacts add column if not exists search_text varchar generated always as"
                        + " (lower(name) || char(10) || coalesce(lower(email), ''))");
            }
            sql.execute("create index if not exists contacts_created_ix on contacts (created_at, id)");
        }
    }
}
