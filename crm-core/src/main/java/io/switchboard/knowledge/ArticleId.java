package io.switchboard.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a knowledge base article. In JSON it is the plain number ({@code "id": 12}). */
public record ArticleId(@JsonValue long value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ArticleId {}
}
