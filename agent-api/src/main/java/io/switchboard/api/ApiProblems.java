package io.switchboard.api;

import io.switchboard.activity.ActivityAccessDeniedException;
import io.switchboard.activity.ActivityNotFoundException;
import io.switchboard.activity.InvalidDispositionException;
import io.switchboard.audit.AuditAccessDeniedException;
import io.switchboard.campaign.CampaignAccessDeniedException;
import io.switchboard.campaign.CampaignNotFoundException;
import io.switchboard.campaign.CampaignStateException;
import io.switchboard.campaign.InvalidCampaignException;
import io.switchboard.contact.ContactAccessDeniedException;
import io.switchboard.contact.ContactNotFoundException;
import io.switchboard.contact.ImportFormatException;
import io.switchboard.csv.CsvFormatException;
import io.switchboard.csv.UnreadableFileException;
import io.switchboard.directory.DirectoryConflictException;
import io.switchboard.directory.InvalidUserException;
import io.switchboard.directory.UserNotFoundException;
import io.switchboard.gateway.call.PbxCommandException;
import io.switchboard.ticket.InvalidTicketException;
import io.switchboard.ticket.TicketAccessDeniedException;
import io.switchboard.ticket.TicketNotFoundException;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

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

    record FieldMessage(String field, String message) {}

    @ExceptionHandler({
        ContactNotFoundException.class,
        ActivityNotFoundException.class,
        TicketNotFoundException.class,
        CampaignNotFoundException.class,
        NotFoundException.class
    })
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({
        ContactAccessDeniedException.class,
        ActivityAccessDeniedException.class,
        TicketAccessDeniedException.class,
        CampaignAccessDeniedException.class
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

    @ExceptionHandler(InvalidCampaignException.class)
    ProblemDetail invalidCampaign(InvalidCampaignException e) {
        return invalid(e.getMessage(), List.of(new FieldMessage(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
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

    @ExceptionHandler(PbxUnavailableException.class)
    ProblemDetail noPbx(PbxUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
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
