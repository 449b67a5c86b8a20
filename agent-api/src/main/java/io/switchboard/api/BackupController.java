package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.backup.BackupFailedException;
import io.switchboard.backup.BackupFile;
import io.switchboard.backup.Backups;
import io.switchboard.backup.BackupsUnavailableException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The database's backups for admins: the ones kept in the backup folder, and one taken now. */
@RestController
@RequestMapping("/api/v1/backups")
@Tag(name = "Backups", description = "The daily backup of the database, and one on demand (admins)")
class BackupController {

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    /** The good backups kept, newest first. */
    @GetMapping
    List<BackupFile> list() {
        return backups.list();
    }

    /** Takes a backup now (as the daily one: written, checked, the oldest past the limit deleted); answers it. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BackupFile takeNow() {
        return backups.takeNow();
    }

    /** PostgreSQL without {@code switchboard.backup.pg-dump}: nothing this server can do, and it says what to set. */
    @ExceptionHandler(BackupsUnavailableException.class)
    ProblemDetail unavailable(BackupsUnavailableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /** The server's failure, not the caller's: the reason (a full disk, pg_dump's message) helps the admin fix it. */
    @ExceptionHandler(BackupFailedException.class)
    ProblemDetail failed(BackupFailedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    }
}
