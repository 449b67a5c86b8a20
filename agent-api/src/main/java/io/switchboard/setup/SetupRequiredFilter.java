package io.switchboard.setup;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While setup is required, nothing but setup works: every page redirects to {@code /setup} and every API call gets
 * a 503 problem saying so, before any login is tried (there is nobody to log in as). Health checks still answer, so
 * a container waiting for setup is not restarted in a loop.
 */
final class SetupRequiredFilter extends OncePerRequestFilter {

    static final String DETAIL = "Setup required: no admin exists yet. Open /setup in a browser and enter the one-time"
            + " setup token this server printed to its log";

    private final SetupState setup;

    SetupRequiredFilter(SetupState setup) {
        this.setup = setup;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (alwaysServed(path) || !setup.required()) {
            chain.doFilter(request, response);
        } else if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "60");
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Setup required\",\"status\":503,\"detail\":\""
                            + DETAIL + "\"}");
        } else {
            response.sendRedirect(request.getContextPath() + "/setup");
        }
    }

    private static boolean alwaysServed(String path) {
        return path.equals("/setup")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.equals("/error")
                || path.equals("/favicon.ico")
                || path.equals("/actuator/health")
                || path.startsWith("/actuator/health/");
    }
}
