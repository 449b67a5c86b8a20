package io.switchboard.knowledge;

/** The user sees the article but may not do this to it (an agent publishing, say): a 403. */
public class ArticleAccessDeniedException extends RuntimeException {

    public ArticleAccessDeniedException(String message) {
        super(message);
    }
}
