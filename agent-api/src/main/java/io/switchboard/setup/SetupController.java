package io.switchboard.setup;

import io.switchboard.security.PasswordPolicy;
import io.switchboard.security.WeakPasswordException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The first start's page: the setup token from the log, and the first admin's name and password. */
@Controller
class SetupController {

    private final SetupState setup;
    private final PasswordPolicy policy;

    SetupController(SetupState setup, PasswordPolicy policy) {
        this.setup = setup;
        this.policy = policy;
    }

    @GetMapping("/setup")
    String form(Model model) {
        if (!setup.required()) {
            return "redirect:/login";
        }
        model.addAttribute("minLength", policy.minLength());
        return "setup";
    }

    @PostMapping("/setup")
    String create(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model) {
        if (!setup.required()) {
            return "redirect:/login";
        }
        model.addAttribute("minLength", policy.minLength());
        model.addAttribute("username", username);
        model.addAttribute("displayName", displayName);
        if (username.isBlank()) {
            model.addAttribute("errors", List.of("Username: required"));
            return "setup";
        }
        if (!password.equals(confirmation)) {
            model.addAttribute("errors", List.of("Password: the two passwords differ"));
            return "setup";
        }
        try {
            setup.complete(token, new SetupState.NewAdmin(username.strip(), displayName, password));
        } catch (WrongSetupTokenException e) {
            model.addAttribute("errors", List.of("Setup token: " + e.getMessage()));
            return "setup";
        } catch (WeakPasswordException e) {
            model.addAttribute(
                    "errors",
                    e.problems().stream().map(problem -> "Password: " + problem).toList());
            return "setup";
        }
        return "redirect:/login?setup";
    }
}
