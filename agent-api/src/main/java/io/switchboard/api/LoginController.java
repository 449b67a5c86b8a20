package io.switchboard.api;

import io.switchboard.directory.AuditLog;
import io.switchboard.directory.LoginRecords;
import io.switchboard.security.SwitchboardUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Logging in: the lockouts admins see and lift. */
@RestController
class LoginController {

    private final LoginRecords records;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    LoginController(LoginRecords records, AuditLog audit) {
        this.records = records;
        this.audit = audit;
    }

    record LockoutView(String username, Instant lockedUntil) {}

    /** The users locked out now, after too many failed logins in a row. */
    @GetMapping("/api/v1/logins/locked")
    List<LockoutView> locked() {
        return records.lockedOut(clock.instant()).stream()
                .map(lockout -> new LockoutView(lockout.username(), lockout.until()))
                .toList();
    }

    /** Ends a user's lockout at once and forgets their failed attempts. */
    @PostMapping("/api/v1/logins/{username}/unlock")
    ResponseEntity<Void> unlock(@PathVariable String username, @AuthenticationPrincipal SwitchboardUser admin) {
        if (!records.unlock(username)) {
            throw new NotFoundException("No user '" + username + "'");
        }
        audit.record(admin.viewer(), "user.unlocked", "user", username, null, null);
        return ResponseEntity.noContent().build();
    }
}
