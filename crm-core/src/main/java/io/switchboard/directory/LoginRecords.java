package io.switchboard.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What logging in keeps about a user beside their password: failed attempts in a row and the lockout they lead
 * to. Plain SQL on the users table: each change is one statement, so
 * two nodes counting failures of the same user at once lose none.
 */
@Service
public class LoginRecords {

    private final NamedParameterJdbcTemplate jdbc;

    LoginRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A user's login state.
     *
     * @param lockedUntil when a lockout ends; {@code null} when none was set
     */
    public record LoginState(int failedLogins, Instant lockedUntil) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** A user locked out now, and until when. */
    public record Lockout(String username, Instant until) {}

    public Optional<LoginState> state(String username) {
        return jdbc
                .query(
                        "select failed_logins, locked_until from users where username = :username",
                        Map.of("username", username),
                        (row, n) -> {
                            Timestamp until = row.getTimestamp("locked_until");
                            return new LoginState(
                                    row.getInt("failed_logins"), until == null ? null : until.toInstant());
                        })
                .stream()
                .findFirst();
    }

    /**
     * Counts a failed attempt; the {@code lockAfter}-th in a row locks the user out until {@code now + lockFor} and
     * starts the count again.
     *
     * @return the lockout's end when this failure locked the user, else empty (also for an unknown username)
     */
    @Transactional
    public Optional<Instant> failed(String username, int lockAfter, Duration lockFor, Instant now) {
        jdbc.update(
                "update users set failed_logins = failed_logins + 1 where username = :username",
                Map.of("username", username));
        Instant until = now.plus(lockFor);
        int locked = jdbc.update(
                "update users set failed_logins = 0, locked_until = :until"
                        + " where username = :username and failed_logins >= :lockAfter",
                new MapSqlParameterSource()
                        .addValue("username", username)
                        .addValue("until", Timestamp.from(until))
                        .addValue("lockAfter", lockAfter));
        return locked == 1 ? Optional.of(until) : Optional.empty();
    }

    /** A successful login starts the count of failures again. */
    @Transactional
    public void succeeded(String username) {
        jdbc.update(
                "update users set failed_logins = 0 where username = :username and failed_logins <> 0",
                Map.of("username", username));
    }

    /** Ends a lockout and forgets the failures; false when there is no such user. */
    @Transactional
    public boolean unlock(String username) {
        return jdbc.update(
                        "update users set failed_logins = 0, locked_until = null where username = :username",
                        Map.of("username", username))
                == 1;
    }

    /** The users locked out at {@code now}, by username. */
    public List<Lockout> lockedOut(Instant now) {
        return jdbc.query(
                "select username, locked_until from users where locked_until > :now order by username",
                Map.of("now", Timestamp.from(now)),
                (row, n) -> new Lockout(
                        row.getString("username"),
                        row.getTimestamp("locked_until").toInstant()));
    }

    /** The users with this e-mail address, compared without case: single sign-on's match by e-mail. */
    public List<String> usernamesByEmail(String email) {
        return jdbc.queryForList(
                "select username from users where lower(email) = lower(:email) order by username",
                Map.of("email", email),
                String.class);
    }

    /** Whether the directory has any user at all: an empty one means a first start, which needs setup. */
    public boolean anyUser() {
        return !jdbc.queryForList("select id from users fetch first 1 rows only", Map.of(), Long.class)
                .isEmpty();
    }
}
