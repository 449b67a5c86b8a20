package io.switchboard.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API query parameters that carry the NUL character ({@code %00}): no search or filter means it, and
 * PostgreSQL refuses it in any text, which would surface as a server error. A 400 problem names the parameter.
 */
@Component
class NulParameters extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasNul(parameter.getKey())
                    || java.util.Arrays.stream(parameter.getValue()).anyMatch(NulParameters::hasNul)) {
                String name = parameter.getKey().replace("\u0000", "\\u0000");
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentType(ProblemJson.MEDIA_TYPE);
                response.getWriter()
                        .write(ProblemJson.of(
                                400, name + " must not contain the NUL character (%00)", request.getRequestURI()));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
