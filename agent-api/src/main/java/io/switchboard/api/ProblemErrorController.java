package io.switchboard.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the servlet container forwards errors no controller answered (a filter's {@code sendError},
 * a path no handler maps): an RFC 9457 problem, as everywhere else, instead of Spring Boot's error page. Asked for
 * directly it is a 404, not the 500 of an error without a status.
 */
@Controller
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code
                : HttpServletResponse.SC_NOT_FOUND;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri
                : request.getRequestURI();
        String message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String text
                        && !text.isBlank()
                        && Problems.isPlain(text)
                        && status != HttpServletResponse.SC_NOT_FOUND
                ? text
                : Problems.reason(status);
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.getWriter().write(ProblemJson.of(status, message, path));
    }
}
