package db.migration;

import io.switchboard.jdbc.PostgresOnlyMigration;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Indexes for suggested articles on PostgreSQL: the suggestions start from the articles meant for a queue or a ticket
 * category, matched without case, so they need the lower-cased names indexed (the plain indexes of V22_18 answer
 * only the exact case). Each index finds the few hundred articles of a queue or category among 50,000 instead of a
 * scan of every article's lists (0.9 s a suggestion). H2, the demo's database, has no expression indexes, and its
 * few articles need none: nothing there.
 */
public class V24_21__knowledge_suggestion_indexes extends PostgresOnlyMigration {

    @Override
    protected void migratePostgres(Statement sql) throws SQLException {
        sql.execute("create index kb_article_queues_lower_ix on kb_article_queues (lower(queue), article_id)");
        sql.execute("create index kb_article_ticket_categories_lower_ix"
                + " on kb_article_ticket_categories (lower(category), article_id)");
        sql.execute("create index kb_articles_category_lower_ix on kb_articles (lower(category))"
                + " where status = 'PUBLISHED'");
    }
}
