package io.switchboard.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

@Entity
@Table(name = "accounts")
class AccountEntity {

    static final int MAX_NAME_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "accounts_seq")
    @SequenceGenerator(name = "accounts_seq", sequenceName = "accounts_seq", allocationSize = 1000)
    private Long id;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(name = "name_key", nullable = false, length = MAX_NAME_LENGTH)
    private String nameKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AccountEntity() {}

    AccountEntity(String name, Instant now) {
        this.name = name.strip();
        this.nameKey = keyOf(name);
        this.createdAt = now;
    }

    /** One account per company however its name is capitalised or padded. */
    static String keyOf(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    Account toAccount() {
        return new Account(new AccountId(id), name);
    }

    Long id() {
        return id;
    }
}
