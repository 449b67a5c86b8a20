package io.switchboard.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import io.switchboard.testing.PostgresTest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drafts, publishing, versions, conflicts, counts and who may do what, on PostgreSQL. */
@PostgresTest
class ArticleLifecycleTest extends KnowledgeBaseTest {

    Viewer otherAgent;
    Viewer manager;

    @BeforeEach
    void anotherAgentAndACampaignManager() {
        otherAgent = user("kb-agent2", "Bo", Role.AGENT);
        manager = user("kb-manager", "Mo", Role.CAMPAIGN_MANAGER);
    }

    private static ArticleForm form(String title, String body) {
        return new ArticleForm(title, body, "Billing", List.of("Invoice", "invoice"), List.of("support"), List.of());
    }

    @Test
    void anAgentProposesADraftThatASupervisorPublishes() {
        Article draft = knowledgeBase.create(form("Refund times", "Five **days**."), null, agent);

        assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(draft.authorName()).isEqualTo("Al");
        assertThat(draft.html()).contains("<strong>days</strong>");
        assertThat(draft.tags()).containsExactly("invoice");
        assertThatThrownBy(() -> knowledgeBase.get(draft.id(), otherAgent))
                .isInstanceOf(ArticleNotFoundException.class);
        assertThatThrownBy(() -> knowledgeBase.changeStatus(draft.id(), ArticleStatus.PUBLISHED, agent))
                .isInstanceOf(ArticleAccessDeniedException.class);

        Article published = knowledgeBase.changeStatus(draft.id(), ArticleStatus.PUBLISHED, supervisor);

        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.publishedAt()).isNotNull();
        assertThat(knowledgeBase.get(draft.id(), otherAgent).title()).isEqualTo("Refund times");
        // the author may no longer change it alone
        assertThatThrownBy(() -> knowledgeBase.update(draft.id(), published.version(), form("Mine", "x"), agent))
                .isInstanceOf(ArticleAccessDeniedException.class);
    }

    @Test
    void agentsMayNotPublishAtOnceAndCampaignManagersOnlyRead() {
        assertThatThrownBy(() -> knowledgeBase.create(form("X", "y"), ArticleStatus.PUBLISHED, agent))
                .isInstanceOf(ArticleAccessDeniedException.class);
        assertThatThrownBy(() -> knowledgeBase.create(form("X", "y"), null, manager))
                .isInstanceOf(ArticleAccessDeniedException.class);
    }

    @Test
    void everySaveIsAVersionAndAStaleSaveOverwritesNothing() {
        Article first = knowledgeBase.create(form("Refund times", "Five days."), ArticleStatus.PUBLISHED, supervisor);
        Article second =
                knowledgeBase.update(first.id(), first.version(), form("Refund times", "Three days."), supervisor);

        assertThatThrownBy(() ->
                        knowledgeBase.update(first.id(), first.version(), form("Refunds", "Ten days."), supervisor))
                .isInstanceOf(ArticleConflictException.class)
                .hasMessageContaining("reload");
        assertThat(knowledgeBase.get(first.id(), agent).body()).isEqualTo("Three days.");
        Article withdrawn = knowledgeBase.changeStatus(first.id(), ArticleStatus.DRAFT, supervisor);

        List<ArticleVersion> versions = knowledgeBase.versions(first.id(), supervisor);
        assertThat(versions).extracting(ArticleVersion::version).containsExactly(3L, 2L, 1L);
        assertThat(versions)
                .extracting(ArticleVersion::body)
                .containsExactly("Three days.", "Three days.", "Five days.");
        assertThat(versions)
                .extracting(ArticleVersion::status)
                .containsExactly(ArticleStatus.DRAFT, ArticleStatus.PUBLISHED, ArticleStatus.PUBLISHED);
        assertThat(versions).extracting(ArticleVersion::savedBy).containsOnly(SUPERVISOR);
        assertThat(second.version()).isEqualTo(2);
        assertThat(withdrawn.version()).isEqualTo(3);
    }

    @Test
    void viewsAndHelpfulClicksAreCountedOncePerPersonAndShownToAuthorsAndWriters() {
        Article article = knowledgeBase.create(form("Modem lights", "Green is good."), null, agent);
        knowledgeBase.changeStatus(article.id(), ArticleStatus.PUBLISHED, supervisor);

        knowledgeBase.viewed(article.id(), otherAgent);
        knowledgeBase.viewed(article.id(), otherAgent);
        knowledgeBase.helped(article.id(), otherAgent);
        knowledgeBase.helped(article.id(), otherAgent);
        knowledgeBase.helped(article.id(), supervisor);

        assertThat(knowledgeBase.get(article.id(), agent).stats()).isEqualTo(new Article.Stats(2, 2));
        assertThat(knowledgeBase.get(article.id(), supervisor).stats()).isEqualTo(new Article.Stats(2, 2));
        assertThat(knowledgeBase.get(article.id(), otherAgent).stats()).isNull();
    }

    @Test
    void badFieldsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> knowledgeBase.create(form(" ", "body"), null, supervisor))
                .isInstanceOf(InvalidArticleException.class)
                .extracting(e -> ((InvalidArticleException) e).field())
                .isEqualTo("title");
        assertThatThrownBy(() -> knowledgeBase.create(form("t", "a".repeat(100_001)), null, supervisor))
                .extracting(e -> ((InvalidArticleException) e).field())
                .isEqualTo("body");
        assertThatThrownBy(() -> knowledgeBase.create(
                        new ArticleForm("t", "b", null, List.of("ok", "x".repeat(61)), List.of(), List.of()),
                        null,
                        supervisor))
                .extracting(e -> ((InvalidArticleException) e).field())
                .isEqualTo("tags[1]");
        assertThatThrownBy(() -> knowledgeBase.create(
                        new ArticleForm("t", "b", null, Collections.nCopies(31, "t"), List.of(), List.of()),
                        null,
                        supervisor))
                .extracting(e -> ((InvalidArticleException) e).field())
                .isEqualTo("tags");
        // a JSON list with a null in it ({"queues": [null]}) is the writer's mistake, named, not a server error
        assertThatThrownBy(() -> knowledgeBase.create(
                        new ArticleForm("t", "b", null, List.of(), Arrays.asList("support", null), List.of()),
                        null,
                        supervisor))
                .extracting(e -> ((InvalidArticleException) e).field())
                .isEqualTo("queues[1]");
        assertThatThrownBy(() -> knowledgeBase.create(form("t\u0000", "b"), null, supervisor))
                .extracting(e -> ((InvalidArticleException) e).field())
                .isEqualTo("title");
    }
}
