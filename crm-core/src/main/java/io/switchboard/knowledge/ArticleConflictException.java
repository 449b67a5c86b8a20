package io.switchboard.knowledge;

/** The article was saved by someone else since it was read: nothing is overwritten (a 409). */
public class ArticleConflictException extends RuntimeException {

    public ArticleConflictException(ArticleId id, long readAt, long now) {
        super("Article " + id.value() + " was changed since you read it (version " + readAt + ", now " + now
                + "): reload it and apply your change again");
    }
}
