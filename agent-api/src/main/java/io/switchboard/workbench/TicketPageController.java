package io.switchboard.workbench;

import io.switchboard.security.SwitchboardUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The ticket workbench's pages: the lists ({@code /tickets}) and one ticket ({@code /tickets/{id}}). They render the
 * frame; the tickets come from the REST API and their news from the CTI edge in the browser, so a ticket the user may
 * not see is refused by the API (the page says so), as everywhere else.
 */
@Controller
class TicketPageController {

    @GetMapping("/tickets")
    String workbench(@AuthenticationPrincipal SwitchboardUser me, Model model) {
        model.addAttribute("user", me.user());
        return "tickets";
    }

    @GetMapping("/tickets/{id:\\d{1,18}}")
    String ticket(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me, Model model) {
        model.addAttribute("user", me.user());
        model.addAttribute("ticketId", id);
        return "ticket";
    }
}
