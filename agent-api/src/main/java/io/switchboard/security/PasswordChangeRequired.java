package io.switchboard.security;

import io.switchboard.directory.UserAdministration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user whose password an admin set must choose their own before anything else: pages redirect to
 * {@code /password}, the API answers 403 except for {@code POST /api/v1/me/password}. Whether a login must is asked
 * once and kept in its session (an API client without a session is asked each request, as its password is).
 */
public final class PasswordChangeRequired extends OncePerRequestFilter {

    static final String ATTRIBUTE = PasswordChangeRequired.class.getName() + ".required";

    private static final Set<String> ALLOWED =
            Set.of("/password", "/logout", "/login", "/error", "/api/v1/me/password");

    private final UserAdministration users;

    PasswordChangeRequired(UserAdministration users) {
        this.users = users;
    }

    /** The user of this request has chosen their own password. */
    public static void changed(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(ATTRIBUTE, Boolean.FALSE);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (user == null
                || !user.isAuthenticated()
                || user instanceof AnonymousAuthenticationToken
                || ALLOWED.contains(path)
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || !mustChange(request, user.getName())) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/")) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write(
                            "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                                    + "\"detail\":\"An admin set your password: choose your own first (POST /api/v1/me/password)\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/password");
    }

    private boolean mustChange(HttpServletRequest request, String username) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return users.mustChangePassword(username);
        }
        Object known = session.getAttribute(ATTRIBUTE);
        if (known instanceof Boolean must) {
            return must;
        }
        boolean must = users.mustChangePassword(username);
        session.setAttribute(ATTRIBUTE, must);
        return must;
    }
}
