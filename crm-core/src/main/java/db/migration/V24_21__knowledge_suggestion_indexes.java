package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes for suggested articles on PostgreSQL: the suggestions start from the articles meant for a queue or a ticket
 * category, matched without case, so they need the lower-cased names indexed (the plain indexes of V22_18 answer
 * only the exact case). Each index finds the few hundred articles of a queue or category among 50,000 instead of a
 * scan of every article's lists (0.9 s a suggestion). H2, the demo's database, has no expression indexes, and its
 * few articles need none: nothing there.
 */
public class V24_21__knowledge_suggestion_indexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(database)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("create index kb_article_queues_lower_ix on kb_article_queues (lower(queue), article_id)");
            sql.execute("create index kb_article_ticket_categories_lower_ix"
                    + " on kb_article_ticket_categories (lower(category), article_id)");
            sql.execute("create index kb_articles_category_lower_ix on kb_articles (lower(category))"
                    + " where status = 'PUBLISHED'");
        }
    }
}
