package io.switchboard.backup;

/** Switchboard has no way to back this database up (PostgreSQL without {@code switchboard.backup.pg-dump}). */
public class BackupsUnavailableException extends RuntimeException {

    BackupsUnavailableException(String message) {
        super(message);
    }
}
