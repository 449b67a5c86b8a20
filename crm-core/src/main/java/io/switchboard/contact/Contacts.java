package io.switchboard.contact;

import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.Viewer;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates contacts and reads them back, showing each viewer only the contacts they may see. */
@Service
@Transactional(readOnly = true)
public class Contacts {

    private final ContactRepository contacts;
    private final AccountRepository accounts;
    private final Directory directory;
    private final PhoneNormalizer normalizer;
    private final Clock clock = Clock.systemUTC();

    Contacts(ContactRepository contacts, AccountRepository accounts, Directory directory, PhoneNormalizer normalizer) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.directory = directory;
        this.normalizer = normalizer;
    }

    /**
     * Creates a contact. Its team is the one given, else its owner's; its company becomes an account when new.
     * Phone numbers that do not parse are kept as typed and flagged.
     *
     * @throws IllegalArgumentException naming the field that cannot be stored
     */
    @Transactional
    public Contact create(NewContact contact) {
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
        NewContact clean = new NewContact(
                contact.name(),
                company,
                email,
                contact.owner(),
                team,
                contact.visibility(),
                ContactFields.tags(contact.tags()),
                ContactFields.text(contact.notes()),
                contact.phones());
        ContactEntity entity = new ContactEntity(clean, account == null ? null : account.id(), team, clock.instant());
        for (NewPhone phone : contact.phones()) {
            entity.addPhone(phone.type(), normalizer.normalize(phone.raw()), clock.instant());
        }
        return contacts.save(entity).toContact(account == null ? null : account.toAccount());
    }

    /** The contact, if it exists and the viewer may see it. */
    public Optional<Contact> find(ContactId id, Viewer viewer) {
        VisibilityRule rule = VisibilityRule.of(viewer);
        return contacts.findById(id.value())
                .filter(entity -> rule.permits(entity.visibleAs()))
                .map(entity -> entity.toContact(accountOf(entity)));
    }

    /** Those of the contacts that exist and that the viewer may see, in the order asked for. */
    public List<Contact> findAll(Collection<ContactId> ids, Viewer viewer) {
        VisibilityRule rule = VisibilityRule.of(viewer);
        Map<Long, ContactEntity> found = contacts
                .findAllById(ids.stream().map(ContactId::value).toList())
                .stream()
                .filter(entity -> rule.permits(entity.visibleAs()))
                .collect(Collectors.toMap(ContactEntity::id, Function.identity()));
        Map<Long, Account> accountsById = new HashMap<>();
        accounts.findAllById(found.values().stream()
                        .map(ContactEntity::accountId)
                        .filter(Objects::nonNull)
                        .toList())
                .forEach(account -> accountsById.put(account.id(), account.toAccount()));
        return ids.stream()
                .map(id -> found.get(id.value()))
                .filter(Objects::nonNull)
                .map(entity -> entity.toContact(accountsById.get(entity.accountId())))
                .toList();
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
