package io.switchboard.api;

import io.switchboard.activity.ActivityAccessDeniedException;
import io.switchboard.activity.ActivityNotFoundException;
import io.switchboard.activity.InvalidDispositionException;
import io.switchboard.campaign.CampaignAccessDeniedException;
import io.switchboard.campaign.CampaignNotFoundException;
import io.switchboard.campaign.CampaignStateException;
import io.switchboard.campaign.InvalidCampaignException;
import io.switchboard.contact.ContactAccessDeniedException;
import io.switchboard.contact.ContactNotFoundException;
import io.switchboard.contact.ImportFormatException;
import io.switchboard.csv.CsvFormatException;
import io.switchboard.csv.UnreadableFileException;
import io.switchboard.directory.AuditAccessDeniedException;
import io.switchboard.directory.DirectoryConflictException;
import io.switchboard.directory.InvalidUserException;
import io.switchboard.directory.UserNotFoundException;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.gateway.call.PbxNotOwnedException;
import io.switchboard.knowledge.ArticleAccessDeniedException;
import io.switchboard.knowledge.ArticleConflictException;
import io.switchboard.knowledge.ArticleNotFoundException;
import io.switchboard.knowledge.InvalidArticleException;
import io.switchboard.queue.InvalidQueueSettingsException;
import io.switchboard.queue.QueueNotFoundException;
import io.switchboard.report.CallHistoryAccessDeniedException;
import io.switchboard.security.WeakPasswordException;
import io.switchboard.ticket.InvalidTicketException;
import io.switchboard.ticket.TicketAccessDeniedException;
import io.switchboard.ticket.TicketNotFoundException;
import io.switchboard.ticket.TierConflictException;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every API error as an RFC 9457 problem detail: a status, a title, a detail that says what to change, and for
 * invalid fields an {@code errors} list of {@code {field, message}}.
 *
 * <p>It advises every handler, not only this package's: errors raised before a controller is chosen (a method or
 * media type no endpoint takes, an upload over the size limit) have no handler, and an advice restricted to packages
 * would leave them to the servlet container's error page.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    record FieldMessage(String field, String message) {}

    @ExceptionHandler({
        ContactNotFoundException.class,
        ActivityNotFoundException.class,
        TicketNotFoundException.class,
        CampaignNotFoundException.class,
        QueueNotFoundException.class,
        ArticleNotFoundException.class,
        NotFoundException.class
    })
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({
        ContactAccessDeniedException.class,
        ActivityAccessDeniedException.class,
        TicketAccessDeniedException.class,
        CampaignAccessDeniedException.class,
        CallHistoryAccessDeniedException.class,
        ArticleAccessDeniedException.class
    })
    ProblemDetail forbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(InvalidDispositionException.class)
    ProblemDetail invalidDisposition(InvalidDispositionException e) {
        return invalid(e.getMessage(), List.of(new FieldMessage(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidTicketException.class)
    ProblemDetail invalidTicket(InvalidTicketException e) {
        return invalid(e.getMessage(), List.of(new FieldMessage(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidArticleException.class)
    ProblemDetail invalidArticle(InvalidArticleException e) {
        return invalid(e.getMessage(), List.of(new FieldMessage(e.field(), e.getMessage())));
    }

    /** An article saved by someone else since it was read. */
    @ExceptionHandler(ArticleConflictException.class)
    ProblemDetail articleConflict(ArticleConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(InvalidCampaignException.class)
    ProblemDetail invalidCampaign(InvalidCampaignException e) {
        return invalid(e.getMessage(), List.of(new FieldMessage(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidUserException.class)
    ProblemDetail invalidUser(InvalidUserException e) {
        return invalid(e.getMessage(), List.of(new FieldMessage(e.field(), e.getMessage())));
    }

    /** A username or extension taken, a team that still has members. */
    @ExceptionHandler(DirectoryConflictException.class)
    ProblemDetail directoryConflict(DirectoryConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperties(Map.of("errors", List.of(new FieldMessage(e.field(), e.getMessage()))));
        return problem;
    }

    @ExceptionHandler(UserNotFoundException.class)
    ProblemDetail noSuchUser(UserNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AuditAccessDeniedException.class)
    ProblemDetail auditDenied(AuditAccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** A CSV file without a readable header, or without a column the import needs. */
    @ExceptionHandler(CsvFormatException.class)
    ProblemDetail csvFormat(CsvFormatException e) {
        return invalid(e.getMessage(), List.of(new FieldMessage("file", e.getMessage())));
    }

    @ExceptionHandler(InvalidUploadException.class)
    ProblemDetail invalidUpload(InvalidUploadException e) {
        return invalid(e.getMessage(), List.of(new FieldMessage(e.field(), e.getMessage())));
    }

    @ExceptionHandler(TierConflictException.class)
    ProblemDetail tierConflict(TierConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(InvalidQueueSettingsException.class)
    ProblemDetail invalidQueueSettings(InvalidQueueSettingsException e) {
        return invalid(e.field() + " " + e.getMessage(), List.of(new FieldMessage(e.field(), e.getMessage())));
    }

    /** A password the policy refuses: every reason, under the field that held it. */
    @ExceptionHandler(WeakPasswordException.class)
    ProblemDetail weakPassword(WeakPasswordException e) {
        return invalid(
                e.getMessage(),
                e.problems().stream()
                        .map(problem -> new FieldMessage(e.field(), problem))
                        .toList());
    }

    /** An upload that is not a text file (binary, or UTF-16 without its byte-order mark). */
    @ExceptionHandler(UnreadableFileException.class)
    ProblemDetail unreadableFile(UnreadableFileException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    /** The campaign or attempt is not in a state that allows this (a finished campaign, a disposed attempt). */
    @ExceptionHandler(NoCallException.class)
    ProblemDetail noCall(NoCallException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(CampaignStateException.class)
    ProblemDetail campaignState(CampaignStateException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, ImportFormatException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail conflict(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage() + "; reload and apply your change again");
    }

    /** The PBX refused or did not answer; the detail carries its reason. */
    @ExceptionHandler(PbxCommandException.class)
    ProblemDetail pbx(PbxCommandException e) {
        return problem(HttpStatus.BAD_GATEWAY, e.getMessage());
    }

    /** This node has no session to the PBX (another node owns its link): try again, perhaps on that node. */
    @ExceptionHandler(PbxNotOwnedException.class)
    ProblemDetail pbxElsewhere(PbxNotOwnedException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setProperty("pbx", e.pbx());
        return problem;
    }

    @ExceptionHandler(PbxUnavailableException.class)
    ProblemDetail noPbx(PbxUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return invalid(e.getMessage(), e.errors());
    }

    /** A multipart body that does not parse (a missing boundary, a truncated part): the client's mistake. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenMultipart(MultipartException e) {
        return invalid(
                "The multipart body could not be read: send one part named 'file' (curl -F file=@list.csv)",
                List.of(new FieldMessage("file", "is not a readable multipart part")));
    }

    /**
     * PostgreSQL refuses the NUL character in any text ({@code 22021}, character not in repertoire): it came from the
     * client, in a body field, and no field means it.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "A text contains a character that cannot be stored (the NUL character, \\u0000): remove it");
        }
        return unexpected(e, request);
    }

    /**
     * Whatever else went wrong is ours, not the client's: a 500 problem that says so without internals (the log has
     * them), never the servlet container's HTML page.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on the server; the error is logged. Try again, or tell your administrator.");
    }

    /** A body that is not JSON, or a field of the wrong type or an unknown enum value: which field, what it takes. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldMessage error = e.getCause() instanceof JacksonException json
                ? JsonProblems.describe(json)
                : new FieldMessage(JsonProblems.BODY, "is missing or is not a JSON document");
        return ResponseEntity.badRequest().body(invalid(error.field() + " " + error.message(), List.of(error)));
    }

    /** A query or path parameter that is not of its type: {@code page=first}, {@code visibility=SECRET}. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field =
                e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        FieldMessage error = new FieldMessage(field, ParameterTypes.describe(e.getValue(), e.getRequiredType()));
        return ResponseEntity.badRequest().body(invalid(field + " " + error.message(), List.of(error)));
    }

    /**
     * The details Spring writes for the errors it handles (a missing parameter, a method or media type no endpoint
     * takes) are kept; any that would show a Java name are replaced by the status's own words.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && !Problems.isPlain(problem.getDetail())) {
            problem.setDetail(Problems.reason(status.value()));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldMessage(error.getField(), error.getDefaultMessage()))
                .toList();
        String detail = errors.isEmpty()
                ? "The request is invalid"
                : errors.size() + " field(s) invalid: " + errors.get(0).field() + " "
                        + errors.get(0).message();
        return ResponseEntity.badRequest().body(invalid(detail, errors));
    }

    private static ProblemDetail invalid(String detail, List<FieldMessage> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail);
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
