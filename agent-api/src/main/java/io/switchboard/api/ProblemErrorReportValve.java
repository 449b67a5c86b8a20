package io.switchboard.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error report, for what Tomcat refuses before Spring sees the request (an encoded {@code /} in the
 * path, a request line or headers over the limit, an unparsable URI): an RFC 9457 problem instead of Tomcat's HTML
 * page, which also named the server's version.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String path = request.getDecodedRequestURIMB() == null
                        || request.getDecodedRequestURIMB().isNull()
                ? null
                : request.getDecodedRequestURI();
        try {
            response.setContentType(ProblemJson.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemJson.of(status, Problems.reason(status), path));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken over: there is no one left to tell
        }
    }
}
