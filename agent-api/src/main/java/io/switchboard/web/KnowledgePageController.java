package io.switchboard.web;

import io.switchboard.directory.Role;
import io.switchboard.security.SwitchboardUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The knowledge base's pages: search and read for every role, the editor for those who write (supervisors and admins)
 * and agents proposing drafts. What each may see and do is the API's decision; the pages only render the frame.
 */
@Controller
class KnowledgePageController {

    @GetMapping("/kb")
    String search(@AuthenticationPrincipal SwitchboardUser me, Model model) {
        frame(me, model);
        return "kb";
    }

    @GetMapping("/kb/{id:\\d+}")
    String article(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me, Model model) {
        frame(me, model);
        model.addAttribute("articleId", id);
        return "kb-article";
    }

    @GetMapping("/kb/new")
    String create(@AuthenticationPrincipal SwitchboardUser me, Model model) {
        frame(me, model);
        model.addAttribute("articleId", null);
        return "kb-editor";
    }

    @GetMapping("/kb/{id:\\d+}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me, Model model) {
        frame(me, model);
        model.addAttribute("articleId", id);
        return "kb-editor";
    }

    private static void frame(SwitchboardUser me, Model model) {
        Role role = me.user().role();
        model.addAttribute("user", me.user());
        model.addAttribute("mayPublish", role == Role.SUPERVISOR || role == Role.ADMIN);
        model.addAttribute("mayWrite", role != Role.CAMPAIGN_MANAGER);
    }
}
