package io.switchboard.setup;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.LoginRecords;
import io.switchboard.directory.NewUser;
import io.switchboard.directory.Role;
import io.switchboard.security.LoginGuard;
import io.switchboard.security.PasswordPolicy;
import io.switchboard.security.RefusalReason;
import io.switchboard.security.WeakPasswordException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first start: while the directory has no user at all (an empty database without the demo), the product is in
 * setup. Once started it prints a one-time setup token to its log, and only there; {@code /setup} takes that token
 * and creates the first admin, after which the token is dead. Once a user exists, by setup or otherwise (an import,
 * SQL), setup is over for good in this process: it is never asked again.
 */
@Component
public class SetupState {

    private static final Logger log = LoggerFactory.getLogger(SetupState.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LoginRecords records;
    private final Directory directory;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final LoginGuard guard;
    private volatile boolean done;
    private volatile String token;

    SetupState(
            LoginRecords records,
            Directory directory,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            LoginGuard guard) {
        this.guard = guard;
        this.records = records;
        this.directory = directory;
        this.policy = policy;
        this.encoder = encoder;
    }

    /** Whether the product still waits for its first admin. Asks the database only until a user exists. */
    public boolean required() {
        if (done) {
            return false;
        }
        if (records.anyUser()) {
            finish();
            return false;
        }
        return true;
    }

    /** After the demo's seeding and any other start-up work: only then is "no user" the truth. */
    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!required()) {
            return;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // one line: the log escapes line breaks (no forged log lines), which would garble a banner
        log.warn(
                "Switchboard has no admin yet: open /setup in a browser and enter the one-time setup token {}"
                        + " (it works once, and only until this server stops)",
                token);
    }

    /**
     * Creates the first admin with the setup token from the log.
     *
     * @throws WrongSetupTokenException for a token that is not the one logged (or none was, or setup is over)
     * @throws WeakPasswordException when the password policy refuses the password
     */
    synchronized DirectoryUser complete(String offeredToken, NewAdmin admin) {
        String expected = token;
        if (!required() || expected == null || offeredToken == null || !sameText(expected, offeredToken.strip())) {
            guard.refusedElsewhere(RefusalReason.SETUP_TOKEN);
            throw new WrongSetupTokenException();
        }
        policy.check(admin.username(), admin.password());
        DirectoryUser created =
                directory.add(new NewUser(admin.username(), admin.displayName(), Role.ADMIN, null, null));
        directory.setPasswordHash(created.id(), encoder.encode(admin.password()));
        finish();
        log.info("Setup complete: first admin '{}' created; the setup token is no longer valid", created.username());
        return created;
    }

    private void finish() {
        done = true;
        token = null;
    }

    private static boolean sameText(String expected, String offered) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    /** What the setup form asks for the first admin. */
    record NewAdmin(String username, String displayName, String password) {}
}
