package io.switchboard.knowledge;

/** A field the article cannot take: names it and says what is wrong, for a 400 answer. */
public class InvalidArticleException extends RuntimeException {

    private final String field;

    public InvalidArticleException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
