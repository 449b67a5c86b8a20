package io.switchboard.knowledge;

/** No such article, or one the user may not see (a draft of someone else's): a 404 either way. */
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(ArticleId id) {
        super("No article " + id.value());
    }
}
