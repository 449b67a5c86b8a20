package io.switchboard.knowledge;

import io.switchboard.directory.Role;
import io.switchboard.directory.Viewer;

/**
 * Who may do what with articles: everyone reads published ones; supervisors and admins (the writers) read, write,
 * publish and withdraw any; agents propose drafts and change their own until a writer publishes them; campaign
 * managers read. A draft is seen only by its author and the writers: to anyone else it does not exist.
 */
final class ArticleRules {

    private ArticleRules() {}

    static boolean writer(Viewer viewer) {
        return viewer.role() == Role.SUPERVISOR || viewer.role() == Role.ADMIN;
    }

    static boolean sees(Viewer viewer, ArticleRow row) {
        return row.status() == ArticleStatus.PUBLISHED || writer(viewer) || authoredBy(viewer, row);
    }

    /** Views and "this helped" counts are for the author and the writers. */
    static boolean seesStats(Viewer viewer, ArticleRow row) {
        return writer(viewer) || authoredBy(viewer, row);
    }

    static void mayCreate(Viewer viewer, ArticleStatus status) {
        if (writer(viewer)) {
            return;
        }
        if (viewer.role() != Role.AGENT) {
            throw new ArticleAccessDeniedException("Only supervisors, admins and agents write articles");
        }
        if (status == ArticleStatus.PUBLISHED) {
            throw new ArticleAccessDeniedException(
                    "Agents propose drafts: a supervisor or an admin publishes them (leave status out)");
        }
    }

    static void mayEdit(Viewer viewer, ArticleRow row) {
        if (writer(viewer)) {
            return;
        }
        if (!(viewer.role() == Role.AGENT && authoredBy(viewer, row) && row.status() == ArticleStatus.DRAFT)) {
            throw new ArticleAccessDeniedException(
                    "Agents change only their own drafts; a supervisor or an admin changes published articles");
        }
    }

    static void mayPublish(Viewer viewer) {
        if (!writer(viewer)) {
            throw new ArticleAccessDeniedException("Only supervisors and admins publish or withdraw articles");
        }
    }

    private static boolean authoredBy(Viewer viewer, ArticleRow row) {
        return row.authorId() != null && row.authorId() == viewer.user().value();
    }
}
