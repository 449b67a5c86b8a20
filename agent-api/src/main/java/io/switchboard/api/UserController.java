package io.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.csv.SpreadsheetCsvWriter;
import io.switchboard.directory.Role;
import io.switchboard.directory.UserAccount;
import io.switchboard.directory.UserAdministration;
import io.switchboard.directory.UserForm;
import io.switchboard.directory.UserImport;
import io.switchboard.directory.UserImportReport;
import io.switchboard.gateway.call.ConfiguredPbxes;
import io.switchboard.security.PasswordPolicy;
import io.switchboard.security.SwitchboardUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Users for admins: create, edit, deactivate, reactivate, reset a password, search; import and export as CSV. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users", description = "The directory's users, their roles, teams and extensions (admins)")
class UserController {

    /** A user as the API shows them. */
    record UserView(
            String username,
            String displayName,
            Role role,
            String team,
            String extension,
            String email,
            boolean active,
            boolean mustChangePassword,
            Instant createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String pbx) {

        /** @param pbxes with one PBX the view names none, as before there could be several */
        static UserView of(UserAccount account, ConfiguredPbxes pbxes) {
            return new UserView(
                    account.user().username(),
                    account.user().displayName(),
                    account.user().role(),
                    account.teamName(),
                    account.user().extension(),
                    account.email(),
                    account.active(),
                    account.mustChangePassword(),
                    account.createdAt(),
                    pbxes.several() ? account.user().pbx() : null);
        }
    }

    /**
     * A user to create or the whole of a user's editable fields. {@code username} is ignored when editing;
     * {@code active} defaults to true; {@code pbx}, the PBX the extension is on, defaults to the user's own, or the
     * first configured for a new user.
     */
    record UserRequest(
            @Size(max = 100) String username,
            @Size(max = 200) String displayName,
            @NotNull Role role,
            @Size(max = 100) String team,
            @Size(max = 32) String extension,
            @Size(max = 200) String email,
            Boolean active,
            @Size(max = 64) String pbx) {

        UserForm form(String username) {
            return new UserForm(username, displayName, role, team, extension, email, active == null || active, pbx);
        }
    }

    /** A password an admin sets; its user must change it at their next login. */
    record PasswordRequest(
            @NotBlank @Size(min = 8, max = 200) String password) {}

    private static final int MAX_PAGE = 500;

    private final UserAdministration users;
    private final UserImport imports;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;

    UserController(UserAdministration users, UserImport imports, PasswordEncoder encoder, PasswordPolicy policy) {
        this.users = users;
        this.imports = imports;
        this.encoder = encoder;
        this.policy = policy;
    }

    private UserView view(UserAccount account) {
        return UserView.of(account, users.pbxes());
    }

    /** By username; {@code q} finds users whose username, name, e-mail or extension contains it. */
    @GetMapping("/users")
    PageResponse<UserView> search(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Paging.page(page, size, MAX_PAGE);
        return PageResponse.of(users.search(q, page, size), this::view);
    }

    @PostMapping("/users")
    ResponseEntity<UserView> create(
            @Valid @RequestBody UserRequest request, @AuthenticationPrincipal SwitchboardUser me) {
        UserView created = view(users.create(request.form(request.username()), me.viewer()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username()))
                .body(created);
    }

    @GetMapping("/users/{username}")
    UserView get(@PathVariable String username) {
        return view(users.get(username));
    }

    /** Replaces the user's fields; a new extension rings them from the next call on. */
    @PutMapping("/users/{username}")
    UserView update(
            @PathVariable String username,
            @Valid @RequestBody UserRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return view(users.update(username, request.form(username), me.viewer()));
    }

    /**
     * The user can no longer log in; their open sessions and desktops are closed at once, and their scheduled report
     * mails stop until they are reactivated. Their data (the subscriptions too) stays.
     */
    @PostMapping("/users/{username}/deactivate")
    UserView deactivate(@PathVariable String username, @AuthenticationPrincipal SwitchboardUser me) {
        if (me.getUsername().equals(username)) {
            throw InvalidRequestException.of("username", "admins cannot deactivate themselves");
        }
        return view(users.setActive(username, false, me.viewer()));
    }

    @PostMapping("/users/{username}/reactivate")
    UserView reactivate(@PathVariable String username, @AuthenticationPrincipal SwitchboardUser me) {
        return view(users.setActive(username, true, me.viewer()));
    }

    /** Sets a password the user must change at their next login. */
    @PostMapping("/users/{username}/password")
    UserView resetPassword(
            @PathVariable String username,
            @Valid @RequestBody PasswordRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        policy.check(username, request.password());
        users.resetPassword(username, encoder.encode(request.password()), me.viewer());
        return view(users.get(username));
    }

    /**
     * Creates users from a CSV file (multipart field {@code file}) with the columns {@code username, name, role,
     * team, extension, email} (and optionally {@code active}); every good row is created, every bad one reported.
     */
    @PostMapping(path = "/users/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    UserImportReport importCsv(
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) Character delimiter,
            @RequestParam(required = false) String charset,
            @AuthenticationPrincipal SwitchboardUser me)
            throws IOException {
        return imports.importCsv(file.getBytes(), delimiter, Uploads.charset(charset), me.viewer());
    }

    /** Every user, in the import's columns (and {@code active}): the file imports into another Switchboard. */
    @GetMapping(path = "/users.csv", produces = "text/csv")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"users.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        boolean several = users.pbxes().several(); // the PBX column only where there is a choice
        List<String> columns =
                new ArrayList<>(List.of("username", "name", "role", "team", "extension", "email", "active"));
        if (several) {
            columns.add("pbx");
        }
        SpreadsheetCsvWriter csv = SpreadsheetCsvWriter.to(out, columns.toArray(String[]::new));
        for (UserAccount account : users.all()) {
            List<Object> row = new ArrayList<>(Arrays.asList(
                    account.user().username(),
                    account.user().displayName(),
                    account.user().role().name(),
                    account.teamName(),
                    account.user().extension(),
                    account.email(),
                    Boolean.toString(account.active())));
            if (several) {
                row.add(account.user().pbx());
            }
            csv.row(row.toArray());
        }
        csv.flush();
    }
}
