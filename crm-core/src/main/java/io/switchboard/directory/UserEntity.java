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

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UserEntity() {}

    UserEntity(NewUser user, Instant now) {
        this.username = user.username();
        this.displayName = user.displayName();
        this.role = user.role();
        this.teamId = user.team() == null ? null : user.team().value();
        this.extension = user.extension();
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

    DirectoryUser toUser() {
        return new DirectoryUser(
                new UserId(id), username, displayName, role, teamId == null ? null : new TeamId(teamId), extension);
    }
}
