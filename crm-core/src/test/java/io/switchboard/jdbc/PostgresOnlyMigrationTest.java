package io.switchboard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Java migrations that run on PostgreSQL only ({@link PostgresOnlyMigration}) leave their indexes, columns and
 * functions there, and nothing on H2: what each of them did before they shared the "only on PostgreSQL" check.
 */
class PostgresOnlyMigrationTest {

    private static final String KB_COLUMNS = "select count(*) from information_schema.columns"
            + " where lower(table_name) = 'kb_articles'"
            + " and lower(column_name) in ('search_vector', 'search_language', 'head_vector', 'pair_vector')";

    @Test
    void onPostgresEachMigrationMadeWhatItSays() {
        JdbcTemplate jdbc = FreshDatabase.POSTGRES.migrated();

        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_proc where proname = 'audit_log_append_only'", Long.class))
                .as("V6_2")
                .isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "select indexname from pg_indexes where indexname in ('contacts_name_trgm_ix',"
                                + " 'accounts_name_key_trgm_ix', 'contacts_name_ix', 'contacts_updated_ix',"
                                + " 'kb_articles_search_ix', 'tickets_subject_trgm_ix', 'kb_articles_head_ix',"
                                + " 'kb_article_queues_lower_ix', 'kb_article_ticket_categories_lower_ix',"
                                + " 'kb_articles_category_lower_ix', 'kb_articles_pair_ix')",
                        String.class))
                .as("V18_50, V22_19, V22_40, V22_41, V24_21, V24_22")
                .hasSize(11);
        assertThat(jdbc.queryForObject(KB_COLUMNS, Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from pg_extension where extname = 'pg_trgm'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void onH2TheyRanAndMadeNothing() {
        JdbcTemplate jdbc = FreshDatabase.H2.migrated();

        assertThat(jdbc.queryForList(
                        "select \"version\" from \"flyway_schema_history\" where \"success\" and \"version\" in"
                                + " ('6.2', '18.50', '22.19', '22.40', '22.41', '24.21', '24.22')",
                        String.class))
                .hasSize(7);
        assertThat(jdbc.queryForObject(KB_COLUMNS, Long.class)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from information_schema.indexes where lower(index_name) in"
                                + " ('contacts_name_trgm_ix', 'tickets_subject_trgm_ix', 'kb_article_queues_lower_ix')",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from information_schema.triggers"
                                + " where lower(trigger_name) = 'audit_log_append_only'",
                        Long.class))
                .isZero();
    }
}
