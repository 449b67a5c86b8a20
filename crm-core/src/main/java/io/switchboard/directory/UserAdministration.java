package io.switchboard.directory;

import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.ConfiguredPbxes;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to users: create, edit, deactivate and reactivate them, reset their passwords, find them. Every
 * change is audited and announced ({@link UserChanged}) once committed, so caches of extensions and a deactivated
 * user's sessions follow at once. Users are never deleted: their calls, tickets and contacts keep naming them.
 */
@Service
@Transactional(readOnly = true)
public class UserAdministration {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final UserRepository users;
    private final TeamRepository teams;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final int maxExtensionLength;
    private final ConfiguredPbxes pbxes;
    private final Clock clock = Clock.systemUTC();

    UserAdministration(
            UserRepository users,
            TeamRepository teams,
            AuditLog audit,
            ApplicationEventPublisher events,
            ObjectProvider<CallTrackerSettings> calls,
            ObjectProvider<ConfiguredPbxes> pbxes) {
        this.users = users;
        this.teams = teams;
        this.audit = audit;
        this.events = events;
        this.maxExtensionLength =
                calls.getIfAvailable(CallTrackerSettings::defaults).maxExtensionLength();
        this.pbxes = pbxes.getIfAvailable(ConfiguredPbxes::single);
    }

    /** The PBXes a user's extension may be on. */
    public ConfiguredPbxes pbxes() {
        return pbxes;
    }

    /** Users whose username, name, e-mail or extension contains {@code text} (all for blank), by username. */
    public Page<UserAccount> search(String text, int page, int size) {
        String like = text == null || text.isBlank() ? "%" : "%" + text.strip().toLowerCase() + "%";
        Map<Long, String> teamNames = teamNames();
        return users.search(like, PageRequest.of(page, size, Sort.by("username")))
                .map(user -> user.toAccount(teamNames.get(user.teamId())));
    }

    public UserAccount get(String username) {
        return account(entity(username));
    }

    /** Every user, by username: the export. */
    public java.util.List<UserAccount> all() {
        Map<Long, String> teamNames = teamNames();
        return users.findAll(Sort.by("username")).stream()
                .map(user -> user.toAccount(teamNames.get(user.teamId())))
                .toList();
    }

    /** A new user; they log in once an admin has set their first password ({@link #resetPassword}). */
    @Transactional
    public UserAccount create(UserForm form, Viewer actor) {
        String pbx = pbxOf(form, null);
        Long teamId = validate(form, null, pbx);
        if (users.existsByUsername(form.username())) {
            throw new DirectoryConflictException("username", "username '" + form.username() + "' is taken");
        }
        UserEntity entity = new UserEntity(
                new NewUser(form.username(), form.displayName(), form.role(), null, form.extension(), pbx),
                clock.instant());
        entity.edit(form, teamId, pbx);
        UserAccount created = account(users.saveAndFlush(entity));
        audit.record(actor, "user.created", "user", form.username(), null, created);
        events.publishEvent(new UserChanged(created.user(), null, created.active()));
        return created;
    }

    /** Replaces the user's name, role, team, extension, e-mail and whether active; the username stays. */
    @Transactional
    public UserAccount update(String username, UserForm form, Viewer actor) {
        UserEntity entity = entity(username);
        String pbx = pbxOf(form, entity);
        Long teamId = validate(form, entity, pbx);
        UserAccount before = account(entity);
        entity.edit(form, teamId, pbx);
        UserAccount after = account(users.saveAndFlush(entity));
        audit.record(actor, "user.updated", "user", before.user().username(), before, after);
        events.publishEvent(new UserChanged(after.user(), before.user().extension(), after.active()));
        return after;
    }

    /** Deactivates (their sessions and desktops are closed, their data stays) or reactivates a user. */
    @Transactional
    public UserAccount setActive(String username, boolean active, Viewer actor) {
        UserEntity entity = entity(username);
        UserAccount before = account(entity);
        entity.active(active);
        UserAccount after = account(entity);
        audit.record(actor, active ? "user.reactivated" : "user.deactivated", "user", username, before, after);
        events.publishEvent(new UserChanged(after.user(), before.user().extension(), active));
        return after;
    }

    /**
     * Sets a password an admin chose (as a hash: hashing belongs to the security module); the user must choose
     * their own at the next login. The audit says that it happened, never the hash.
     */
    @Transactional
    public void resetPassword(String username, String hash, Viewer actor) {
        entity(username).resetPassword(Objects.requireNonNull(hash, "hash"));
        audit.record(actor, "user.password-reset", "user", username, null, Map.of("mustChangePassword", true));
    }

    /** The user chose their own password. */
    @Transactional
    public void changeOwnPassword(String username, String hash) {
        entity(username).changePassword(Objects.requireNonNull(hash, "hash"));
        audit.record(username, "user.password-changed", "user", username, null, null);
    }

    /** Whether the user logs in with a password an admin set, and must choose their own first. */
    public boolean mustChangePassword(String username) {
        return users.findByUsername(username)
                .map(UserEntity::mustChangePassword)
                .orElse(false);
    }

    /**
     * The PBX of the form's extension: the one it names, which must be configured; else the user's own (an edit that
     * does not mention it keeps it); else the only PBX, or the first listed.
     */
    private String pbxOf(UserForm form, UserEntity existing) {
        if (form.pbx() == null) {
            return existing == null ? pbxes.first() : existing.pbx();
        }
        if (!pbxes.isKnown(form.pbx())) {
            throw new InvalidUserException(
                    "pbx",
                    "no PBX '" + form.pbx() + "' is configured (switchboard.pbxes): " + String.join(", ", pbxes.ids()));
        }
        return form.pbx();
    }

    /** Checks the form against the rules and what is stored; the team's id ({@code null} for none). */
    private Long validate(UserForm form, UserEntity existing, String pbx) {
        if (existing == null
                && (form.username() == null
                        || !USERNAME.matcher(form.username()).matches())) {
            throw new InvalidUserException(
                    "username", "a username is 1 to 100 letters, digits, '.', '_', '@' or '-': " + form.username());
        }
        if (form.role() == null) {
            throw new InvalidUserException("role", "a user needs a role: AGENT, SUPERVISOR, CAMPAIGN_MANAGER or ADMIN");
        }
        if (form.displayName() != null && form.displayName().length() > 200) {
            throw new InvalidUserException("displayName", "a display name has at most 200 characters");
        }
        if (form.email() != null
                && (form.email().length() > 200 || !EMAIL.matcher(form.email()).matches())) {
            throw new InvalidUserException("email", "not an e-mail address: " + form.email());
        }
        String extension = form.extension();
        if (extension != null) {
            if (!extension.chars().allMatch(c -> c >= '0' && c <= '9')
                    || extension.length() < 2
                    || extension.length() > maxExtensionLength) {
                throw new InvalidUserException(
                        "extension",
                        "an extension is 2 to " + maxExtensionLength
                                + " digits (switchboard.calls.max-extension-length): " + extension);
            }
            users.findByPbxAndExtension(pbx, extension)
                    .filter(owner -> existing == null || !owner.username().equals(existing.username()))
                    .ifPresent(owner -> {
                        throw new DirectoryConflictException(
                                "extension",
                                "extension " + extension + (pbxes.several() ? " on PBX '" + pbx + "'" : "")
                                        + " belongs to " + owner.username());
                    });
        }
        if (form.team() == null) {
            return null;
        }
        return teams.findByName(form.team())
                .map(team -> team.id().value())
                .orElseThrow(() -> new InvalidUserException("team", "no team named '" + form.team() + "'"));
    }

    private UserEntity entity(String username) {
        return users.findByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new UserNotFoundException("no user '" + username + "'"));
    }

    private UserAccount account(UserEntity entity) {
        return entity.toAccount(
                entity.teamId() == null
                        ? null
                        : teams.findById(entity.teamId()).map(TeamEntity::name).orElse(null));
    }

    private Map<Long, String> teamNames() {
        return teams.findAll().stream()
                .collect(Collectors.toMap(team -> team.id().value(), TeamEntity::name, (a, b) -> a));
    }
}
