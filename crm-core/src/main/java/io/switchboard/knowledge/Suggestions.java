package io.switchboard.knowledge;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggested answers: the published articles that fit a call or a ticket best. An article scores for sharing words
 * with the text (its text search rank, scaled so the best is worth 2), for being meant for the call's queue (1.5),
 * for each ticket category (2) and tag (1) it shares. Only published articles are suggested, so every user may see
 * every suggestion.
 */
public class Suggestions {

    private static final int TEXT_CANDIDATES = 50;

    private final KnowledgeBase knowledgeBase;
    private final SuggestionMatches matches;

    Suggestions(KnowledgeBase knowledgeBase, SuggestionMatches matches) {
        this.knowledgeBase = knowledgeBase;
        this.matches = matches;
    }

    @Transactional(readOnly = true)
    public List<ArticleSummary> suggest(SuggestionRequest request) {
        Map<Long, Double> scores = new HashMap<>();
        if (!request.text().isBlank()) {
            List<ArticleSearch.Hit> hits = knowledgeBase.search().anyWord(request.text(), TEXT_CANDIDATES);
            double best =
                    hits.stream().mapToDouble(ArticleSearch.Hit::rank).max().orElse(1);
            for (ArticleSearch.Hit hit : hits) {
                scores.merge(hit.id(), best > 0 ? 2 * hit.rank() / best : 0, Double::sum);
            }
        }
        for (SuggestionMatches.Match match : matches.of(request)) {
            double score = (match.queue() ? 1.5 : 0) + 2.0 * match.categories() + match.tags();
            scores.merge(match.id(), score, Double::sum);
        }
        List<Long> best = scores.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .limit(request.limit())
                .map(Map.Entry::getKey)
                .toList();
        List<ArticleSearch.Hit> ranked = best.stream()
                .map(id -> new ArticleSearch.Hit(id, scores.get(id)))
                .toList();
        return knowledgeBase.summaries(best, ranked);
    }
}
