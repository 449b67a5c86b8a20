package io.switchboard.backup;

/** A backup could not be written or its check failed; nothing was kept of it. */
public class BackupFailedException extends RuntimeException {

    BackupFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
