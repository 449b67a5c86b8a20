package io.switchboard.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "users")
class UserEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "users_seq")
    @SequenceGenerator(name = "users_seq", sequenceName = "users_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    // A plain varchar on every database (Hibernate would otherwise expect H2's native enum type).
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "team_id")
    private Long teamId;

    @Column(length = 32)
    private String extension;

    /** The PBX the extension is on. */
    @Column(nullable = false, length = 64)
    private String pbx;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(length = 200)
    private String email;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    protected UserEntity() {}

    UserEntity(NewUser user, Instant now) {
        this.username = user.username();
        this.displayName = user.displayName();
        this.role = user.role();
        this.teamId = user.team() == null ? null : user.team().value();
        this.extension = user.extension();
        this.pbx = user.pbx();
        this.active = true;
        this.createdAt = now;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean active() {
        return active;
    }

    void passwordHash(String hash) {
        this.passwordHash = hash;
    }

    /** A password an admin set: its user must choose their own at the next login. */
    void resetPassword(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = true;
    }

    /** The user chose their own password. */
    void changePassword(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = false;
    }

    /** @param pbx the PBX of the form's extension, already checked and defaulted */
    void edit(UserForm form, Long teamId, String pbx) {
        this.displayName = form.displayName();
        this.role = form.role();
        this.teamId = teamId;
        this.extension = form.extension();
        this.pbx = pbx;
        this.email = form.email();
        this.active = form.active();
    }

    void active(boolean active) {
        this.active = active;
    }

    String username() {
        return username;
    }

    Long teamId() {
        return teamId;
    }

    String extension() {
        return extension;
    }

    String pbx() {
        return pbx;
    }

    UserAccount toAccount(String teamName) {
        return new UserAccount(toUser(), teamName, email, active, mustChangePassword, createdAt);
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    DirectoryUser toUser() {
        return new DirectoryUser(
                new UserId(id),
                username,
                displayName,
                role,
                teamId == null ? null : new TeamId(teamId),
                extension,
                pbx);
    }
}
