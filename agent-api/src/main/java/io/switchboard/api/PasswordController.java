package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.directory.Directory;
import io.switchboard.directory.UserAdministration;
import io.switchboard.security.PasswordChangeRequired;
import io.switchboard.security.PasswordPolicy;
import io.switchboard.security.SwitchboardUser;
import io.switchboard.security.WeakPasswordException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Every user changes their own password here; after an admin's reset they must, before anything else. */
@RestController
@Tag(name = "Users", description = "The directory's users, their roles, teams and extensions (admins)")
class PasswordController {

    record PasswordChange(
            @NotBlank String currentPassword,
            @NotBlank @Size(max = 200) String newPassword) {}

    private final Directory directory;
    private final UserAdministration users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;

    PasswordController(Directory directory, UserAdministration users, PasswordEncoder encoder, PasswordPolicy policy) {
        this.directory = directory;
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
    }

    @PostMapping("/api/v1/me/password")
    ResponseEntity<Void> change(
            @Valid @RequestBody PasswordChange change,
            @AuthenticationPrincipal SwitchboardUser me,
            HttpServletRequest request) {
        String hash = directory
                .credentials(me.getUsername())
                .map(credentials -> credentials.passwordHash())
                .orElse(null);
        if (hash == null || !encoder.matches(change.currentPassword(), hash)) {
            throw InvalidRequestException.of("currentPassword", "the current password is wrong");
        }
        if (change.newPassword().equals(change.currentPassword())) {
            throw InvalidRequestException.of("newPassword", "the new password must differ from the current one");
        }
        java.util.List<String> weak = policy.problems(me.getUsername(), change.newPassword());
        if (!weak.isEmpty()) {
            throw new WeakPasswordException("newPassword", weak);
        }
        users.changeOwnPassword(me.getUsername(), encoder.encode(change.newPassword()));
        PasswordChangeRequired.changed(request);
        return ResponseEntity.noContent().build();
    }
}
