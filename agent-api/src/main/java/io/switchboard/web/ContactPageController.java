package io.switchboard.web;

import io.switchboard.directory.Role;
import io.switchboard.security.SwitchboardUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The contacts page and a contact's card, for every role: which contacts each sees is the API's business (the pages
 * only render the frame). The ticket pages link to a card at {@code /contacts/{id}}.
 */
@Controller
class ContactPageController {

    @GetMapping("/contacts")
    String contacts(@AuthenticationPrincipal SwitchboardUser me, Model model) {
        model.addAttribute("user", me.user());
        // import and export are for supervisors and above, as the API allows them
        model.addAttribute("mayImport", me.user().role() != Role.AGENT);
        return "contacts";
    }

    @GetMapping("/contacts/{id}")
    String card(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me, Model model) {
        model.addAttribute("user", me.user());
        model.addAttribute("contactId", id);
        // click-to-dial rings the user's own phone first: only users with an extension who may dial get the button
        Role role = me.user().role();
        model.addAttribute("mayDial", me.user().extension() != null && (role == Role.AGENT || role == Role.SUPERVISOR));
        return "contact";
    }
}
