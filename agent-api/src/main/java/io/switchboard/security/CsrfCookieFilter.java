package io.switchboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a browser session its {@code XSRF-TOKEN} cookie on any API call, so the desktop has a token before its first
 * change. Spring Security creates the token only when something asks for it, and logging in drops the old one.
 * Clients with Basic credentials and no session get no cookie.
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestedSessionId() != null
                && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            // loading the token writes the cookie when the browser has none
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
