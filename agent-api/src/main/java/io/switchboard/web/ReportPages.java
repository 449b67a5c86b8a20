package io.switchboard.web;

import io.switchboard.security.SwitchboardUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The report pages (agent sessions for agents too, campaign reports for campaign managers too); their data comes from {@code /api/v1/reports} in the browser. */
@Controller
class ReportPages {

    @GetMapping("/reports/calls")
    String calls(@AuthenticationPrincipal SwitchboardUser me, Model model) {
        model.addAttribute("user", me.user());
        return "reports-calls";
    }

    @GetMapping("/reports/intervals")
    String intervals(@AuthenticationPrincipal SwitchboardUser me, Model model) {
        model.addAttribute("user", me.user());
        return "reports-intervals";
    }

    /** Agent sessions: agents see their own, supervisors their team's, admins everyone's (the API decides). */
    @GetMapping("/reports/agents")
    String agents(@AuthenticationPrincipal SwitchboardUser me, Model model) {
        model.addAttribute("user", me.user());
        return "reports-agents";
    }

    @GetMapping("/reports/campaigns")
    String campaigns(@AuthenticationPrincipal SwitchboardUser me, Model model) {
        model.addAttribute("user", me.user());
        return "reports-campaigns";
    }
}
