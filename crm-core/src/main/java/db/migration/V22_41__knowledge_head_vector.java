package db.migration;

import io.switchboard.jdbc.PostgresOnlyMigration;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A second, small text search vector per article on PostgreSQL: its title, tags and category only, with a GIN index.
 * A query matching most of a large knowledge base ("router" in 20,000 articles) cannot be ranked in a few
 * milliseconds over every match; the search ranks a bounded set of candidates instead, and this index finds the
 * best of them first: the articles whose title, tags or category match. Filled by the application with
 * {@code search_vector} (the next start indexes the articles stored before). Nothing on H2.
 */
public class V22_41__knowledge_head_vector extends PostgresOnlyMigration {

    @Override
    protected void migratePostgres(Statement sql) throws SQLException {
        sql.execute("alter table kb_articles add column head_vector tsvector");
        sql.execute("create index kb_articles_head_ix on kb_articles using gin (head_vector)");
    }
}
