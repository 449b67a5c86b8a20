package io.switchboard.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.testing.PostgresTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Production's search: PostgreSQL's text search, with what only it does (stems, phrases, languages). */
@PostgresTest
class KnowledgeSearchOnPostgresTest extends KnowledgeSearchContract {

    @Autowired
    NamedParameterJdbcTemplate named;

    @Test
    void wordsAreFoundByTheirStem() {
        publish("Printing from a laptop", "Add the printers under Settings.", List.of());

        assertThat(titlesFound("printer", agent)).containsExactly("Printing from a laptop");
        assertThat(titlesFound("laptops", agent)).containsExactly("Printing from a laptop");
    }

    @Test
    void aQuotedPhraseMatchesOnlyItsWordsInOrder() {
        publish("Reset password", "To reset your password open the portal.", List.of());
        publish("Password of the router", "The router's reset button restores the factory password.", List.of());

        assertThat(titlesFound("\"reset password\"", agent)).containsExactly("Reset password");
    }

    @Test
    void aPhraseInTheBodyIsFoundThroughItsWordPairsWhichTheStartFillsForArticlesStoredBefore() {
        ArticleId id = publish("Portal help", "Forgot it? To reset your password open the portal.", List.of());
        publish("Router help", "The password is on the router; open its lid to reset it.", List.of());
        assertThat(titlesFound("\"password open\"", agent)).containsExactly("Portal help");

        // as stored before pairs were indexed: the next start's reindex fills them
        named.getJdbcTemplate().update("update kb_articles set pair_vector = null where id = ?", id.value());
        assertThat(titlesFound("\"password open\"", agent)).isEmpty();
        new PostgresArticleSearch(named, "english").reindex();

        assertThat(titlesFound("\"password open\"", agent)).containsExactly("Portal help");
        assertThat(knowledgeBase
                        .find(new ArticleQuery("\"password open\"", null, false), 0, 20, agent)
                        .getTotalElements())
                .isEqualTo(1);
    }

    @Test
    void theLanguageDecidesHowWordsAreStemmedAndAChangeReindexesAtStart() {
        ArticleId id = publish("Druckerprobleme", "Die Drucker drucken nicht.", List.of());
        assertThat(titlesFound("Drucker", agent)).containsExactly("Druckerprobleme");
        assertThat(named.getJdbcTemplate()
                        .queryForObject(
                                "select search_language from kb_articles where id = ?", String.class, id.value()))
                .isEqualTo("english");

        // a node started with switchboard.knowledge.language=german re-indexes what english indexed
        PostgresArticleSearch german = new PostgresArticleSearch(named, "german");
        german.reindex();

        assertThat(named.getJdbcTemplate()
                        .queryForObject(
                                "select search_language from kb_articles where id = ?", String.class, id.value()))
                .isEqualTo("german");
        // German stems "drucken" and "Drucker" both to "druck"; English does not
        assertThat(german.search("drucken", ArticleStatus.PUBLISHED, null, 0, 10))
                .extracting(ArticleSearch.Hit::id)
                .containsExactly(id.value());
        new PostgresArticleSearch(named, "english").reindex();
    }

    @Test
    void anUnknownLanguageIsRefusedAtStartNamingTheSetting() {
        assertThatThrownBy(() -> new PostgresArticleSearch(named, "klingon"))
                .hasMessageContaining("switchboard.knowledge.language")
                .hasMessageContaining("klingon");
    }

    @Test
    void theSearchUsesTheIndex() {
        String plan = String.join(
                "\n",
                named.getJdbcTemplate()
                        .queryForList(
                                "explain select id from kb_articles a, websearch_to_tsquery('english', 'printer') q"
                                        + " where a.search_vector @@ q",
                                String.class));
        // with enable_seqscan off, any plan that can use the GIN index does
        assertThat(plan).isNotBlank();
        named.getJdbcTemplate().execute("set enable_seqscan = off");
        try {
            assertThat(String.join(
                            "\n",
                            named.getJdbcTemplate()
                                    .queryForList(
                                            "explain select id from kb_articles a, websearch_to_tsquery('english',"
                                                    + " 'printer') q where a.search_vector @@ q",
                                            String.class)))
                    .contains("kb_articles_search_ix");
        } finally {
            named.getJdbcTemplate().execute("set enable_seqscan = on");
        }
    }
}
