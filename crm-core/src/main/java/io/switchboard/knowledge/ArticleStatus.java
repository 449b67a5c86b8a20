package io.switchboard.knowledge;

/** Whether everyone reads an article or only its author and the writers see it. */
public enum ArticleStatus {
    /** Being written, or proposed by an agent: the author, supervisors and admins see it. */
    DRAFT,
    /** Everyone reads it, searches find it and the pop and ticket pages suggest it. */
    PUBLISHED
}
