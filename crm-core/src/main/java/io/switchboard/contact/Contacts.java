package io.switchboard.contact;

import io.switchboard.directory.AuditLog;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import io.switchboard.directory.Viewer;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Creates contacts and reads them back, showing each viewer only the contacts they may see. */
@Service
@Transactional(readOnly = true)
public class Contacts {

    private final ContactRepository contacts;
    private final AccountRepository accounts;
    private final Directory directory;
    private final PhoneNormalizer normalizer;
    private final ContactRows rows;
    private final Clock clock = Clock.systemUTC();
    private final AuditLog audit;

    Contacts(
            ContactRepository contacts,
            AccountRepository accounts,
            Directory directory,
            PhoneNormalizer normalizer,
            NamedParameterJdbcTemplate jdbc,
            AuditLog audit) {
        this.audit = audit;
        this.contacts = contacts;
        this.accounts = accounts;
        this.directory = directory;
        this.normalizer = normalizer;
        this.rows = new ContactRows(jdbc);
    }

    /**
     * Creates a contact. Its team is the one given, else its owner's; its company becomes an account when new.
     * Phone numbers that do not parse are kept as typed and flagged.
     *
     * @throws IllegalArgumentException naming the field that cannot be stored
     */
    @Transactional
    public Contact create(NewContact contact) {
        Cleaned cleaned = clean(contact);
        ContactEntity entity = new ContactEntity(
                cleaned.contact(), cleaned.accountId(), cleaned.contact().team(), clock.instant());
        addPhones(entity, contact);
        return contacts.save(entity).toContact(cleaned.account());
    }

    /**
     * Replaces every field of a contact the viewer may see, phone numbers included.
     *
     * @param expectedVersion the version the edit was made on; {@code null} edits whatever is stored now
     * @throws ContactNotFoundException no such contact, or one the viewer may not see
     * @throws ContactAccessDeniedException the edit changes who owns or sees the contact, and the viewer may not
     * @throws OptimisticLockingFailureException the contact changed since {@code expectedVersion}
     * @throws IllegalArgumentException naming the field that cannot be stored
     */
    @Transactional
    public Contact update(ContactId id, NewContact contact, Long expectedVersion, Viewer viewer) {
        ContactEntity entity = visibleEntity(id, viewer);
        if (expectedVersion != null && expectedVersion != entity.version()) {
            throw new OptimisticLockingFailureException(
                    "contact " + id.value() + " was changed by someone else (now at version " + entity.version()
                            + ", the edit was made on " + expectedVersion + ")");
        }
        VisibleContact before = entity.visibleAs();
        Cleaned cleaned = clean(contact);
        boolean sharingChanges =
                !Objects.equals(before.ownerId(), idOf(cleaned.contact().owner()))
                        || before.visibility() != cleaned.contact().visibility();
        if (sharingChanges && !VisibilityRule.of(viewer).mayChangeSharing(before)) {
            throw new ContactAccessDeniedException(
                    id,
                    "only the contact's owner, their team's supervisor or an admin may change its owner or visibility");
        }
        entity.replace(cleaned.contact(), cleaned.accountId(), cleaned.contact().team(), clock.instant());
        // the old numbers must be gone before the new ones go in (one flush), or a number kept would clash
        contacts.saveAndFlush(entity);
        addPhones(entity, contact);
        // flushed again so that the version returned is the one stored
        return contacts.saveAndFlush(entity).toContact(cleaned.account());
    }

    private static Long idOf(UserId user) {
        return user == null ? null : user.value();
    }

    /**
     * Deletes a contact; its calls stay in the history without it.
     *
     * @throws ContactNotFoundException no such contact, or one the viewer may not see
     * @throws ContactAccessDeniedException the viewer sees it but may not delete it
     */
    @Transactional
    public void delete(ContactId id, Viewer viewer) {
        ContactEntity entity = visibleEntity(id, viewer);
        if (!VisibilityRule.of(viewer).mayDelete(entity.visibleAs())) {
            throw new ContactAccessDeniedException(id);
        }
        Contact before = entity.toContact(accountOf(entity));
        contacts.delete(entity);
        audit.record(viewer, "contact.deleted", "contact", id.value(), before, null);
    }

    private ContactEntity visibleEntity(ContactId id, Viewer viewer) {
        VisibilityRule rule = VisibilityRule.of(viewer);
        return contacts.findById(id.value())
                .filter(entity -> rule.permits(entity.visibleAs()))
                .orElseThrow(() -> new ContactNotFoundException(id));
    }

    private void addPhones(ContactEntity entity, NewContact contact) {
        for (NewPhone phone : contact.phones()) {
            entity.addPhone(phone.type(), normalizer.normalize(phone.raw()), clock.instant());
        }
    }

    /** A contact's fields cleaned and checked, its team settled and its company found or created as an account. */
    private record Cleaned(NewContact contact, AccountEntity accountEntity) {
        Long accountId() {
            return accountEntity == null ? null : accountEntity.id();
        }

        Account account() {
            return accountEntity == null ? null : accountEntity.toAccount();
        }
    }

    private Cleaned clean(NewContact contact) {
        String company = ContactFields.text(contact.company());
        String email = ContactFields.email(contact.email());
        ContactFields.problem(contact.name(), company, email, contact.tags(), contact.notes())
                .ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
        TeamId team = contact.team();
        if (contact.owner() != null) {
            DirectoryUser owner = directory
                    .find(contact.owner())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no user " + contact.owner().value()));
            team = team == null ? owner.team() : team;
        }
        AccountEntity account = company == null ? null : account(company);
        return new Cleaned(
                new NewContact(
                        contact.name(),
                        company,
                        email,
                        contact.owner(),
                        team,
                        contact.visibility(),
                        ContactFields.tags(contact.tags()),
                        ContactFields.text(contact.notes()),
                        contact.phones()),
                account);
    }

    /** The contact, if it exists and the viewer may see it. */
    public Optional<Contact> find(ContactId id, Viewer viewer) {
        VisibilityRule rule = VisibilityRule.of(viewer);
        return contacts.findById(id.value())
                .filter(entity -> rule.permits(entity.visibleAs()))
                .map(entity -> entity.toContact(accountOf(entity)));
    }

    /**
     * Those of the contacts that exist and that the viewer may see, in the order asked for. One query, and no
     * transaction of its own (a single statement reads a consistent snapshot): every screen pop asks this.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Contact> findAll(Collection<ContactId> ids, Viewer viewer) {
        return rows.findAll(ids, VisibilityRule.of(viewer));
    }

    private Account accountOf(ContactEntity entity) {
        return entity.accountId() == null
                ? null
                : accounts.findById(entity.accountId())
                        .map(AccountEntity::toAccount)
                        .orElse(null);
    }

    private AccountEntity account(String company) {
        return accounts.findByNameKey(AccountEntity.keyOf(company))
                .orElseGet(() -> accounts.save(new AccountEntity(company, clock.instant())));
    }
}
