package io.switchboard.contact;

import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A contact row. Owner, team and account are plain ids: users and teams belong to the directory package, and
 * the read paths (caller lookup, screen pop) join in SQL rather than walking associations.
 */
@Entity
@Table(name = "contacts")
class ContactEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contacts_seq")
    @SequenceGenerator(name = "contacts_seq", sequenceName = "contacts_seq", allocationSize = 1000)
    private Long id;

    @Column(nullable = false, length = 300)
    private String name;

    @Column(name = "account_id")
    private Long accountId;

    @Column(length = 320)
    private String email;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "team_id")
    private Long teamId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    private Visibility visibility;

    @Column(length = 4000)
    private String notes;

    @ElementCollection
    @CollectionTable(name = "contact_tags", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "tag", length = 64)
    private Set<String> tags = new LinkedHashSet<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "contact_id", nullable = false)
    @OrderBy("id")
    private List<PhoneNumberEntity> phones = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ContactEntity() {}

    ContactEntity(NewContact contact, Long accountId, TeamId team, Instant now) {
        this.name = contact.name().strip();
        this.accountId = accountId;
        this.email = contact.email();
        this.ownerId = contact.owner() == null ? null : contact.owner().value();
        this.teamId = team == null ? null : team.value();
        this.visibility = contact.visibility();
        this.notes = contact.notes();
        this.tags.addAll(contact.tags());
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes every field of {@code contact} (already cleaned); the phone numbers are replaced by the caller. */
    void replace(NewContact contact, Long accountId, TeamId team, Instant now) {
        this.name = contact.name().strip();
        this.accountId = accountId;
        this.email = contact.email();
        this.ownerId = contact.owner() == null ? null : contact.owner().value();
        this.teamId = team == null ? null : team.value();
        this.visibility = contact.visibility();
        this.notes = contact.notes();
        this.tags.clear();
        this.tags.addAll(contact.tags());
        this.phones.clear();
        this.updatedAt = now;
    }

    void addPhone(PhoneType type, NormalizedNumber number, Instant now) {
        phones.add(new PhoneNumberEntity(type, number));
        updatedAt = now;
    }

    /**
     * Takes in what {@code other} knows and this contact does not (a merge of two records of one person): its phone
     * numbers not already here, its tags, its notes (after these), and its email and company where this one has none.
     * Name, owner, team and visibility stay this contact's.
     */
    void absorb(ContactEntity other, Instant now) {
        Set<String> numbers = new java.util.HashSet<>();
        phones.forEach(phone -> numbers.add(phone.sameNumberKey()));
        for (PhoneNumberEntity phone : other.phones) {
            if (numbers.add(phone.sameNumberKey())) {
                phones.add(phone.copy());
            }
        }
        for (String tag : other.tags) {
            if (tags.stream().noneMatch(tag::equalsIgnoreCase)) {
                tags.add(tag);
            }
        }
        if (email == null) {
            email = other.email;
        }
        if (accountId == null) {
            accountId = other.accountId;
        }
        notes = notesWith(other);
        updatedAt = now;
    }

    /** This contact's notes followed by the other's (once, when they are the same). */
    String notesWith(ContactEntity other) {
        if (other.notes == null || other.notes.equals(notes)) {
            return notes;
        }
        return notes == null ? other.notes : notes + "\n\n" + other.notes;
    }

    /** The tags this contact would have after taking in the other's. */
    Set<String> tagsWith(ContactEntity other) {
        Set<String> all = new LinkedHashSet<>(tags);
        other.tags.stream()
                .filter(tag -> all.stream().noneMatch(tag::equalsIgnoreCase))
                .forEach(all::add);
        return all;
    }

    Long id() {
        return id;
    }

    long version() {
        return version;
    }

    Long accountId() {
        return accountId;
    }

    VisibleContact visibleAs() {
        return new VisibleContact(ownerId, teamId, visibility);
    }

    Contact toContact(Account account) {
        return new Contact(
                new ContactId(id),
                name,
                account,
                email,
                ownerId == null ? null : new UserId(ownerId),
                teamId == null ? null : new TeamId(teamId),
                visibility,
                Set.copyOf(tags),
                notes,
                phones.stream().map(PhoneNumberEntity::toPhone).toList(),
                version);
    }
}
