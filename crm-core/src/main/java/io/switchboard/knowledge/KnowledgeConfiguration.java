package io.switchboard.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The knowledge base's beans: PostgreSQL's text search where the database is PostgreSQL, a plain one elsewhere. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
public class KnowledgeConfiguration {

    @Bean
    KnowledgeBase knowledgeBase(
            NamedParameterJdbcTemplate jdbc,
            DataSource dataSource,
            KnowledgeProperties properties,
            ObjectProvider<Clock> clock)
            throws SQLException {
        ArticleStore store = new ArticleStore(jdbc);
        ArticleSearch search = onPostgres(dataSource)
                ? new PostgresArticleSearch(jdbc, properties.language())
                : new PlainArticleSearch(jdbc, store);
        search.reindex();
        return new KnowledgeBase(store, search, new MarkdownRenderer(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Suggestions suggestions(KnowledgeBase knowledgeBase, NamedParameterJdbcTemplate jdbc) {
        return new Suggestions(knowledgeBase, new SuggestionMatches(jdbc));
    }

    private static boolean onPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
    }
}
