package io.switchboard.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The knowledge base.
 *
 * @param language PostgreSQL's text search configuration for the articles ({@code english}, {@code german},
 *     {@code simple} for no stemming, ...): how words are stemmed and which are too common to index; a change
 *     re-indexes every article at the next start. The H2 demo ignores it.
 * @param maxPageSize the most articles one page of results returns
 */
@ConfigurationProperties("switchboard.knowledge")
public record KnowledgeProperties(
        @DefaultValue("english") String language,
        @DefaultValue("100") int maxPageSize) {

    public KnowledgeProperties {
        if (language == null || !language.matches("[A-Za-z_][A-Za-z0-9_.]{0,62}")) {
            throw new IllegalArgumentException(
                    "switchboard.knowledge.language must name a text search configuration, e.g. english");
        }
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("switchboard.knowledge.max-page-size must be 1 or more");
        }
    }
}
