package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.knowledge.Article;
import io.switchboard.knowledge.ArticleForm;
import io.switchboard.knowledge.ArticleId;
import io.switchboard.knowledge.ArticleQuery;
import io.switchboard.knowledge.ArticleStatus;
import io.switchboard.knowledge.ArticleSummary;
import io.switchboard.knowledge.ArticleVersion;
import io.switchboard.knowledge.KnowledgeBase;
import io.switchboard.knowledge.KnowledgeProperties;
import io.switchboard.security.SwitchboardUser;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge base: everyone reads and searches published articles; supervisors and admins write, publish and
 * withdraw them; agents propose drafts. Views and "this helped" clicks are counted for the authors.
 */
@RestController
@RequestMapping("/api/v1/kb/articles")
@Tag(
        name = "Knowledge base",
        description = "Articles in Markdown, full-text search, versions, views and helpful counts")
class KnowledgeController {

    /**
     * An article's content: every field replaces the stored one.
     *
     * @param body Markdown (at most 100,000 characters); answers carry it rendered and sanitised as {@code html}
     * @param status on creation only: {@code PUBLISHED} (supervisors and admins) or {@code DRAFT} (the default)
     * @param version on a change: the {@code version} the article was read at (409 when someone saved it since)
     */
    record ArticleRequest(
            String title,
            String body,
            String category,
            List<String> tags,
            List<String> queues,
            List<String> ticketCategories,
            ArticleStatus status,
            Long version) {

        ArticleForm form() {
            return new ArticleForm(title, body, category, tags, queues, ticketCategories);
        }
    }

    /** @param status {@code PUBLISHED} publishes, {@code DRAFT} withdraws */
    record StatusRequest(@NotNull ArticleStatus status) {}

    private final KnowledgeBase knowledgeBase;
    private final KnowledgeProperties properties;

    KnowledgeController(KnowledgeBase knowledgeBase, KnowledgeProperties properties) {
        this.knowledgeBase = knowledgeBase;
        this.properties = properties;
    }

    /**
     * Published articles (or, with {@code status=DRAFT}, the drafts the user may see), ranked by the words of
     * {@code q} as typed into a web search engine ({@code "a phrase"}, {@code -not}, {@code or}); newest first
     * without {@code q}. The total is counted up to 501 (past 500, "more than 500": refine the words).
     */
    @GetMapping
    PageResponse<ArticleSummary> find(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "PUBLISHED") ArticleStatus status,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal SwitchboardUser me) {
        if (q != null && q.length() > 200) {
            throw InvalidRequestException.of("q", "must be at most 200 characters");
        }
        Paging.page(page, size, properties.maxPageSize());
        return PageResponse.of(knowledgeBase.find(new ArticleQuery(q, status, mine), page, size, me.viewer()), a -> a);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Article create(@RequestBody ArticleRequest request, @AuthenticationPrincipal SwitchboardUser me) {
        return knowledgeBase.create(request.form(), request.status(), me.viewer());
    }

    @GetMapping("/{id}")
    Article get(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return knowledgeBase.get(new ArticleId(id), me.viewer());
    }

    /** Saves a new version; {@code version} must be the one read. */
    @PutMapping("/{id}")
    Article update(
            @PathVariable long id, @RequestBody ArticleRequest request, @AuthenticationPrincipal SwitchboardUser me) {
        if (request.version() == null) {
            throw InvalidRequestException.of("version", "is required: the version the article was read at");
        }
        return knowledgeBase.update(new ArticleId(id), request.version(), request.form(), me.viewer());
    }

    /** Publishes or withdraws (supervisors and admins). */
    @PutMapping("/{id}/status")
    Article status(
            @PathVariable long id,
            @jakarta.validation.Valid @RequestBody StatusRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return knowledgeBase.changeStatus(new ArticleId(id), request.status(), me.viewer());
    }

    /** Every saved version, newest first. */
    @GetMapping("/{id}/versions")
    List<ArticleVersion> versions(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return knowledgeBase.versions(new ArticleId(id), me.viewer());
    }

    /** Counts a reader opening the article (the article page calls it once per visit). */
    @PostMapping("/{id}/views")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void viewed(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        knowledgeBase.viewed(new ArticleId(id), me.viewer());
    }

    /** "This helped": counted once per user. */
    @PostMapping("/{id}/helpful")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void helped(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        knowledgeBase.helped(new ArticleId(id), me.viewer());
    }
}
