package io.switchboard.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What searching the knowledge base must do on either database: PostgreSQL's text search in production, the plain
 * search on the H2 demo. Each database's test class runs these.
 */
abstract class KnowledgeSearchContract extends KnowledgeBaseTest {

    @Autowired
    Suggestions suggestions;

    ArticleId publish(String title, String body, List<String> tags) {
        return publish(title, body, tags, List.of(), List.of());
    }

    ArticleId publish(String title, String body, List<String> tags, List<String> queues, List<String> categories) {
        return knowledgeBase
                .create(
                        new ArticleForm(title, body, null, tags, queues, categories),
                        ArticleStatus.PUBLISHED,
                        supervisor)
                .id();
    }

    List<String> titlesFound(String text, Viewer viewer) {
        return knowledgeBase.find(new ArticleQuery(text, null, false), 0, 20, viewer).getContent().stream()
                .map(ArticleSummary::title)
                .toList();
    }

    @Test
    void aWordInTheTitleRanksAboveTheSameWordInTheBody() {
        publish("Resetting a router", "Hold the reset button; the printer is not involved.", List.of());
        publish("Printer jams", "Open tray 2 and pull the paper out.", List.of());
        publish("Toner", "Nothing about that here.", List.of());

        assertThat(titlesFound("printer", agent)).containsExactly("Printer jams", "Resetting a router");
    }

    @Test
    void everyWordMustMatchAndAnExcludedWordMustNot() {
        publish("Printer jams in tray 2", "Pull the paper.", List.of());
        publish("Printer offline", "Check the cable.", List.of());
        publish("Paper sizes", "A4 and letter.", List.of("printer"));

        assertThat(titlesFound("printer paper", agent))
                .containsExactlyInAnyOrder("Printer jams in tray 2", "Paper sizes");
        assertThat(titlesFound("printer -offline", agent))
                .containsExactlyInAnyOrder("Printer jams in tray 2", "Paper sizes");
    }

    @Test
    void tagsAreSearchedToo() {
        publish("Paying by card", "Card payments are taken online.", List.of("billing"));

        assertThat(titlesFound("billing", agent)).containsExactly("Paying by card");
    }

    @Test
    void draftsAreFoundOnlyByTheirAuthorAndTheWriters() {
        knowledgeBase.create(
                new ArticleForm("Voicemail pin reset", "Dial 99.", null, List.of(), List.of(), List.of()), null, agent);
        publish("Voicemail greeting", "Record it after the tone.", List.of());
        Viewer otherAgent = directory
                .add(new NewUser("kb-agent2", "Bo", Role.AGENT, null, null))
                .viewer();

        assertThat(titlesFound("voicemail", otherAgent)).containsExactly("Voicemail greeting");
        assertThat(draftsFound("voicemail", otherAgent)).isEmpty();
        assertThat(draftsFound("voicemail", agent)).containsExactly("Voicemail pin reset");
        assertThat(draftsFound("voicemail", supervisor)).containsExactly("Voicemail pin reset");
    }

    @Test
    void theTotalCountsEveryMatchAndPagesFollowTheRanking() {
        for (int i = 0; i < 7; i++) {
            publish("Router model " + i, "router firmware update " + i, List.of());
        }

        var first = knowledgeBase.find(new ArticleQuery("router", null, false), 0, 5, agent);
        var second = knowledgeBase.find(new ArticleQuery("router", null, false), 1, 5, agent);

        assertThat(first.getTotalElements()).isEqualTo(7);
        assertThat(first.getContent()).hasSize(5);
        assertThat(second.getContent()).hasSize(2);
        assertThat(first.getContent())
                .extracting(ArticleSummary::id)
                .doesNotContainAnyElementsOf(
                        second.getContent().stream().map(ArticleSummary::id).toList());
    }

    @Test
    void aWordExcludedOnlyFromTheBodyStillExcludesATitleMatch() {
        publish("Router setup", "Plug the modem into the router.", List.of());
        publish("Router lights", "Green means connected.", List.of());

        assertThat(titlesFound("router -modem", agent)).containsExactly("Router lights");
    }

    @Test
    void titleAndTagMatchesComeFirstAndBodyMatchesFillTheRestOfThePages() {
        publish("Voucher codes", "How to redeem one.", List.of());
        publish("Gift cards", "Cards and codes.", List.of("voucher"));
        for (int i = 0; i < 4; i++) {
            publish("Payment " + i, "A voucher pays part of it " + i + ".", List.of());
        }

        var first = knowledgeBase.find(new ArticleQuery("voucher", null, false), 0, 3, agent);
        var second = knowledgeBase.find(new ArticleQuery("voucher", null, false), 1, 3, agent);

        assertThat(first.getTotalElements()).isEqualTo(6);
        assertThat(first.getContent())
                .extracting(ArticleSummary::title)
                .startsWith("Voucher codes", "Gift cards")
                .hasSize(3);
        assertThat(second.getContent())
                .extracting(ArticleSummary::title)
                .hasSize(3)
                .allMatch(title -> title.startsWith("Payment "));
    }

    @Test
    void aQueueOrCategoryMatchesWhateverItsCaseAndDraftsStayOut() {
        ArticleId forSupport =
                publish("Restarting the modem", "Unplug it.", List.of(), List.of("Support"), List.of("Internet"));
        knowledgeBase.create(
                new ArticleForm("Modem draft", "modem", null, List.of(), List.of("support"), List.of("internet")),
                null,
                supervisor);

        assertThat(suggestions.suggest(new SuggestionRequest("", "SUPPORT", List.of(), List.of(), 3)))
                .extracting(ArticleSummary::id)
                .containsExactly(forSupport);
        assertThat(suggestions.suggest(new SuggestionRequest("", null, List.of("INTERNET"), List.of(), 3)))
                .extracting(ArticleSummary::id)
                .containsExactly(forSupport);
    }

    @Test
    void suggestionsForACallComeFromItsQueueAndItsTicketsWords() {
        publish("Opening hours", "We are open 9 to 5.", List.of(), List.of("sales"), List.of());
        ArticleId forSupport =
                publish("Restarting the modem", "Unplug it for 30 seconds.", List.of(), List.of("support"), List.of());
        ArticleId aboutTheTicket =
                publish("Invoice shows the wrong address", "Change it under Account.", List.of("billing"));
        publish("Unrelated", "Nothing to see.", List.of());

        List<ArticleSummary> suggested =
                suggestions.suggest(new SuggestionRequest("wrong invoice address", "support", List.of(), List.of(), 3));

        assertThat(suggested).extracting(ArticleSummary::id).containsExactly(aboutTheTicket, forSupport);
    }

    @Test
    void aTicketsCategoryAndTagsBringTheirArticles() {
        ArticleId billing = publish("Refunds", "Refunds take 5 days.", List.of("money"), List.of(), List.of("Billing"));
        ArticleId tagged = publish("Chargebacks", "Call the bank.", List.of("money"));
        publish("Modem lights", "Green is good.", List.of("hardware"));

        assertThat(suggestions.suggest(new SuggestionRequest("", null, List.of("billing"), List.of("money"), 5)))
                .extracting(ArticleSummary::id)
                .containsExactly(billing, tagged);
    }

    @Test
    void draftsAreNeverSuggested() {
        knowledgeBase.create(
                new ArticleForm("Modem draft", "modem", null, List.of(), List.of("support"), List.of()),
                null,
                supervisor);

        assertThat(suggestions.suggest(new SuggestionRequest("modem", "support", List.of(), List.of(), 3)))
                .isEmpty();
    }

    private List<String> draftsFound(String text, Viewer viewer) {
        return knowledgeBase
                .find(new ArticleQuery(text, ArticleStatus.DRAFT, false), 0, 20, viewer)
                .getContent()
                .stream()
                .map(ArticleSummary::title)
                .toList();
    }
}
