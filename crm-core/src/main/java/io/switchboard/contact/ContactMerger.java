package io.switchboard.contact;

import io.switchboard.directory.AuditLog;
import io.switchboard.directory.Viewer;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two records of one person into one, in one transaction: the kept contact takes in the other's phone
 * numbers, tags, notes and missing email and company; the other's calls, tickets and campaign leads move to it
 * ({@link ContactsMerged}); the other is deleted; an audit entry holds both as they were and the result.
 */
@Service
public class ContactMerger {

    private final ContactRepository contacts;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    ContactMerger(
            ContactRepository contacts, AccountRepository accounts, ApplicationEventPublisher events, AuditLog audit) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.events = events;
        this.audit = audit;
    }

    /**
     * @param keptVersion, mergedVersion the versions the viewer saw both at: a merge decided on an older version of
     *     either is refused, so that nothing someone changed meanwhile is merged unseen
     * @throws ContactNotFoundException either does not exist or the viewer may not see it
     * @throws ContactAccessDeniedException the viewer may not delete the merged contact
     * @throws OptimisticLockingFailureException either changed since the version given
     * @throws IllegalArgumentException a contact merged with itself, or the result would not fit (tags, notes)
     */
    @Transactional
    public Contact merge(ContactId kept, long keptVersion, ContactId merged, long mergedVersion, Viewer viewer) {
        if (kept.equals(merged)) {
            throw new IllegalArgumentException("a contact cannot be merged with itself");
        }
        VisibilityRule rule = VisibilityRule.of(viewer);
        ContactEntity keep = visible(kept, rule);
        ContactEntity gone = visible(merged, rule);
        checkVersion(keep, keptVersion);
        checkVersion(gone, mergedVersion);
        if (!rule.mayDelete(gone.visibleAs())) {
            throw new ContactAccessDeniedException(
                    merged, "merging deletes contact " + merged.value() + ", which you may not delete");
        }
        if (keep.tagsWith(gone).size() > ContactFields.MAX_TAGS) {
            throw new IllegalArgumentException(
                    "together the contacts have more than " + ContactFields.MAX_TAGS + " tags: remove some first");
        }
        String notes = keep.notesWith(gone);
        if (notes != null && notes.length() > ContactFields.MAX_NOTES) {
            throw new IllegalArgumentException("together the contacts' notes are longer than " + ContactFields.MAX_NOTES
                    + " characters: shorten them first");
        }
        Contact keptBefore = keep.toContact(accountOf(keep));
        Contact mergedBefore = gone.toContact(accountOf(gone));

        keep.absorb(gone, clock.instant());
        events.publishEvent(new ContactsMerged(kept, merged));
        contacts.delete(gone);
        Contact after = contacts.saveAndFlush(keep).toContact(accountOf(keep));
        audit.record(
                viewer,
                "contact.merged",
                "contact",
                kept.value(),
                Map.of("kept", keptBefore, "merged", mergedBefore),
                after);
        return after;
    }

    private ContactEntity visible(ContactId id, VisibilityRule rule) {
        return contacts.findById(id.value())
                .filter(entity -> rule.permits(entity.visibleAs()))
                .orElseThrow(() -> new ContactNotFoundException(id));
    }

    private static void checkVersion(ContactEntity entity, long expected) {
        if (entity.version() != expected) {
            throw new OptimisticLockingFailureException("contact " + entity.id() + " was changed by someone else (now"
                    + " at version " + entity.version() + ", the merge was decided on " + expected + ")");
        }
    }

    private Account accountOf(ContactEntity entity) {
        return entity.accountId() == null
                ? null
                : accounts.findById(entity.accountId())
                        .map(AccountEntity::toAccount)
                        .orElse(null);
    }
}
