package db.migration;

import io.switchboard.jdbc.PostgresOnlyMigration;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The knowledge base's full-text index, on PostgreSQL only: a {@code tsvector} column the application fills on
 * every save (title weighted A, tags and category B, body C) in the configured text search language, and a GIN index
 * on it for {@code websearch_to_tsquery}. The language is data ({@code search_language}), not part of the schema: a
 * changed {@code switchboard.knowledge.language} re-indexes the articles at the next start. H2 (the demo) has no
 * text search and searches the columns themselves, so this does nothing there.
 */
public class V22_19__knowledge_search extends PostgresOnlyMigration {

    @Override
    protected void migratePostgres(Statement sql) throws SQLException {
        sql.execute("alter table kb_articles add column search_vector tsvector");
        sql.execute("alter table kb_articles add column search_language varchar(64)");
        sql.execute("create index kb_articles_search_ix on kb_articles using gin (search_vector)");
    }
}
