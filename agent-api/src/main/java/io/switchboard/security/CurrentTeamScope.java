package io.switchboard.security;

import io.switchboard.directory.Role;
import io.switchboard.directory.TeamScopes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a supervisor's request the teams they supervise as the directory has them now ({@link TeamScopes}), not as
 * they were when they logged in: an admin's change to a team's supervisors applies to the next request of a browser
 * already logged in. The session keeps its principal; only this request's security context carries the fresh one.
 */
final class CurrentTeamScope extends OncePerRequestFilter {

    private final TeamScopes scopes;

    CurrentTeamScope(TeamScopes scopes) {
        this.scopes = scopes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof SwitchboardUser user
                && user.user().role() == Role.SUPERVISOR) {
            SwitchboardUser current =
                    user.supervising(scopes.supervisedBy(user.user().id()));
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    authentication.toBuilder().principal(current).build());
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
