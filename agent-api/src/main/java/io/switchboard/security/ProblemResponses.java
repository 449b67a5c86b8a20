package io.switchboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * API callers get RFC 9457 problem details for 401 and 403 too, not a login page or an empty body. The texts are
 * fixed, so they are written without a JSON library.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (sessionExpired(request)) {
            sessionExpired(request, response);
            return;
        }
        if (e instanceof LoginRefusedException refused) {
            // throttled or locked out: the password was not even checked, and asking again before then is no use
            response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
            write(response, request, 429, "Too Many Requests", refused.advice());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"switchboard\"");
        write(response, request, 401, "Unauthorized", "Log in: HTTP Basic with your Switchboard username and password");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException && sessionExpired(request)) {
            // the token belonged to the session that is gone: what the user must do is log in again
            sessionExpired(request, response);
        } else if (e instanceof CsrfException) {
            write(
                    response,
                    request,
                    403,
                    "Forbidden",
                    "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header");
        } else {
            write(response, request, 403, "Forbidden", "Your role may not do this");
        }
    }

    /** The browser sent a session cookie the server no longer knows: it timed out, or the server restarted. */
    private static boolean sessionExpired(HttpServletRequest request) {
        return request.getRequestedSessionId() != null
                && !request.isRequestedSessionIdValid()
                && request.getHeader("Authorization") == null;
    }

    /**
     * A 401 the pages recognise and answer by going to the login form. Its challenge is the form's, not Basic:
     * with Basic, a browser would open its own password dialog over the page.
     */
    private static void sessionExpired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "FormBased realm=\"switchboard\" login=\"/login\"");
        write(response, request, 401, "Unauthorized", "Your session expired: log in again");
    }

    private static void write(
            HttpServletResponse response, HttpServletRequest request, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\",\"instance\":\"" + jsonSafe(request.getRequestURI()) + "\"}");
    }

    private static String jsonSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x7f) {
                safe.append(c);
            }
        }
        return safe.toString();
    }
}
