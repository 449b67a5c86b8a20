package io.switchboard.web;

import io.switchboard.activity.ActivityDispositions;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.Role;
import io.switchboard.directory.TeamAdministration;
import io.switchboard.security.LoginRefusedException;
import io.switchboard.security.SsoLogins;
import io.switchboard.security.SsoRefusedException;
import io.switchboard.security.SwitchboardUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The pages. They render the frame; live data comes from the REST API and the CTI edge in the browser. */
@Controller
class PageController {

    private final ActivityDispositions dispositions;
    private final TeamAdministration teams;
    private final SsoLogins sso;

    PageController(ActivityDispositions dispositions, TeamAdministration teams, SsoLogins sso) {
        this.dispositions = dispositions;
        this.teams = teams;
        this.sso = sso;
    }

    /** The form; after a refused attempt, why (a throttle or lockout says how long to wait). */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("ssoProviders", sso.providers());
        model.addAttribute("localLogin", sso.localLogin());
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof Exception e) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("refusal", refusal(e));
        }
        return "login";
    }

    /** Why a login failed, in words for the person at the login page. */
    private static String refusal(Exception e) {
        if (e instanceof LoginRefusedException refused) {
            return refused.advice();
        }
        if (e instanceof SsoRefusedException refused) {
            return refused.getMessage();
        }
        if (e instanceof OAuth2AuthenticationException failed) {
            return "Single sign-on failed: " + failed.getMessage();
        }
        return "Wrong username or password.";
    }

    /** Each role starts where its work is. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal SwitchboardUser me) {
        Role role = me.user().role();
        return switch (role) {
            case AGENT -> "redirect:/agent";
            case CAMPAIGN_MANAGER -> "redirect:/campaigns";
            default -> "redirect:/wallboard";
        };
    }

    /** Every page's frame shows who is logged in (nobody, on the login page). */
    @ModelAttribute("user")
    DirectoryUser user(@AuthenticationPrincipal SwitchboardUser me) {
        return me == null ? null : me.user();
    }

    /** The desktop offers the queues the agent's team works to log in to (every known queue when none are set). */
    @GetMapping("/agent")
    String agent(@AuthenticationPrincipal SwitchboardUser me, Model model) {
        model.addAttribute("teamQueues", teams.queuesOf(me.user().team()));
        model.addAttribute("dispositionCodes", dispositions.codes());
        return "agent";
    }

    @GetMapping("/campaigns")
    String campaigns() {
        return "campaigns";
    }

    /**
     * A supervisor sees the queues the teams in their scope work (their own and those they supervise; all when none
     * has any set); others every queue.
     */
    @GetMapping("/wallboard")
    String wallboard(@AuthenticationPrincipal SwitchboardUser me, Model model) {
        model.addAttribute(
                "teamQueues",
                me.user().role() == Role.SUPERVISOR ? teams.queuesOf(me.viewer().teams()) : List.of());
        return "wallboard";
    }

    /** Where a user whose password an admin set chooses their own (and anyone may change theirs). */
    @GetMapping("/password")
    String password() {
        return "password";
    }

    /** The admin pages (users, teams, queues, tiers, audit): frames whose data comes from the REST API. */
    @GetMapping("/admin/{page:users|teams|queues|tiers|audit}")
    String admin(@PathVariable String page) {
        return "admin-" + page;
    }
}
