package io.switchboard.directory;

/** Someone who is not an admin asked to read the audit log. */
public class AuditAccessDeniedException extends RuntimeException {

    AuditAccessDeniedException() {
        super("only admins may read the audit log");
    }
}
