package io.switchboard.knowledge;

import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base: articles written in Markdown, read as sanitised HTML, found by full-text search; every save is
 * a version. Who may do what is {@link ArticleRules}.
 */
public class KnowledgeBase {

    /**
     * A search's total is counted up to here; the page says "more than" beyond it. As many as PostgreSQL's search
     * ranks at most (its candidates), so every page the total promises has results.
     */
    public static final long COUNT_CAP = PostgresArticleSearch.OTHER_CANDIDATES;

    private static final int SNIPPET_LENGTH = 200;

    private final ArticleStore store;
    private final ArticleSearch search;
    private final MarkdownRenderer markdown;
    private final Clock clock;

    KnowledgeBase(ArticleStore store, ArticleSearch search, MarkdownRenderer markdown, Clock clock) {
        this.store = store;
        this.search = search;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** Writes a new article: a draft unless a writer publishes it at once. */
    @Transactional
    public Article create(ArticleForm form, ArticleStatus status, Viewer viewer) {
        ArticleStatus wanted = status == null ? ArticleStatus.DRAFT : status;
        ArticleRules.mayCreate(viewer, wanted);
        long id = store.insert(ArticleFormCheck.checked(form), wanted, viewer.user(), clock.instant());
        search.index(id);
        return article(row(new ArticleId(id), viewer), viewer);
    }

    /** Saves a new version of the article read at {@code version}; refused when someone saved it since. */
    @Transactional
    public Article update(ArticleId id, long version, ArticleForm form, Viewer viewer) {
        ArticleRow row = row(id, viewer);
        ArticleRules.mayEdit(viewer, row);
        if (!store.update(
                id.value(), version, ArticleFormCheck.checked(form), row.status(), viewer.user(), clock.instant())) {
            throw new ArticleConflictException(id, version, row.version());
        }
        search.index(id.value());
        return article(row(id, viewer), viewer);
    }

    /** Publishes or withdraws an article (a save of its own, with a version). */
    @Transactional
    public Article changeStatus(ArticleId id, ArticleStatus status, Viewer viewer) {
        ArticleRow row = row(id, viewer);
        ArticleRules.mayPublish(viewer);
        if (row.status() != status) {
            ArticleForm same = new ArticleForm(
                    row.title(), row.body(), row.category(), row.tags(), row.queues(), row.ticketCategories());
            if (!store.update(id.value(), row.version(), same, status, viewer.user(), clock.instant())) {
                throw new ArticleConflictException(id, row.version(), row.version() + 1);
            }
        }
        return article(row(id, viewer), viewer);
    }

    @Transactional(readOnly = true)
    public Article get(ArticleId id, Viewer viewer) {
        return article(row(id, viewer), viewer);
    }

    /** Every saved version, newest first. */
    @Transactional(readOnly = true)
    public List<ArticleVersion> versions(ArticleId id, Viewer viewer) {
        row(id, viewer);
        return store.versions(id.value());
    }

    /** Counts that someone opened the article to read it. */
    @Transactional
    public void viewed(ArticleId id, Viewer viewer) {
        row(id, viewer);
        store.countView(id.value());
    }

    /** Counts that the article helped this user (once per user). */
    @Transactional
    public void helped(ArticleId id, Viewer viewer) {
        row(id, viewer);
        store.helped(id.value(), viewer.user(), clock.instant());
    }

    /** A page of articles: ranked by the search words, or the newest first without any. */
    @Transactional(readOnly = true)
    public Page<ArticleSummary> find(ArticleQuery query, int page, int size, Viewer viewer) {
        UserId author = query.mine() || (query.status() == ArticleStatus.DRAFT && !ArticleRules.writer(viewer))
                ? viewer.user()
                : null;
        int offset = page * size;
        PageRequest request = PageRequest.of(page, size);
        if (query.text() == null) {
            List<Long> ids = store.newest(query.status(), author, offset, size);
            return new PageImpl<>(summaries(ids, null), request, store.count(query.status(), author));
        }
        List<ArticleSearch.Hit> hits = search.search(query.text(), query.status(), author, offset, size);
        long total = search.count(query.text(), query.status(), author, COUNT_CAP + 1);
        return new PageImpl<>(summaries(hits.stream().map(ArticleSearch.Hit::id).toList(), hits), request, total);
    }

    /** Summaries of published articles by id, in that order, each with its score. */
    List<ArticleSummary> summaries(List<Long> ids, List<ArticleSearch.Hit> scores) {
        return store.rows(ids).stream()
                .map(row -> summary(row, scores == null ? 0 : scoreOf(row.id(), scores)))
                .toList();
    }

    ArticleSearch search() {
        return search;
    }

    private static double scoreOf(long id, List<ArticleSearch.Hit> hits) {
        return hits.stream()
                .filter(hit -> hit.id() == id)
                .mapToDouble(ArticleSearch.Hit::rank)
                .findFirst()
                .orElse(0);
    }

    ArticleSummary summary(ArticleRow row, double score) {
        return new ArticleSummary(
                new ArticleId(row.id()),
                row.title(),
                row.category(),
                row.tags(),
                row.status(),
                markdown.snippet(row.body(), SNIPPET_LENGTH),
                row.updatedAt(),
                score);
    }

    private ArticleRow row(ArticleId id, Viewer viewer) {
        return store.find(id.value())
                .filter(row -> ArticleRules.sees(viewer, row))
                .orElseThrow(() -> new ArticleNotFoundException(id));
    }

    private Article article(ArticleRow row, Viewer viewer) {
        Article.Stats stats =
                ArticleRules.seesStats(viewer, row) ? new Article.Stats(row.views(), store.helpful(row.id())) : null;
        return new Article(
                new ArticleId(row.id()),
                row.title(),
                row.body(),
                markdown.html(row.body()),
                row.category(),
                row.tags(),
                row.queues(),
                row.ticketCategories(),
                row.status(),
                row.authorId() == null ? null : new UserId(row.authorId()),
                row.authorName(),
                row.createdAt(),
                row.updatedAt(),
                row.publishedAt(),
                row.version(),
                stats);
    }
}
