package db.migration;

import io.switchboard.jdbc.PostgresOnlyMigration;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A third text search vector per article on PostgreSQL: every two words that stand next to each other, with a GIN
 * index, so a phrase search reads only the articles that have the phrase's word pairs instead of checking the word
 * positions of every article that has its words (see {@code PhrasePairs}). Filled by the application (the next
 * start indexes the articles stored before). Nothing on H2, which has no phrases.
 */
public class V24_22__knowledge_phrase_pairs extends PostgresOnlyMigration {

    @Override
    protected void migratePostgres(Statement sql) throws SQLException {
        sql.execute("alter table kb_articles add column pair_vector tsvector");
        sql.execute("create index kb_articles_pair_ix on kb_articles using gin (pair_vector)");
    }
}
