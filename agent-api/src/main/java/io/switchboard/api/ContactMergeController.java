package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.campaign.ContactAttempt;
import io.switchboard.campaign.ContactAttempts;
import io.switchboard.contact.Contact;
import io.switchboard.contact.ContactDuplicates;
import io.switchboard.contact.ContactId;
import io.switchboard.contact.ContactMerger;
import io.switchboard.contact.ContactNotFoundException;
import io.switchboard.contact.Contacts;
import io.switchboard.contact.DuplicateCandidate;
import io.switchboard.security.SwitchboardUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contact card's own questions: likely duplicates, merging two into one, the campaigns that dialled it. */
@RestController
@RequestMapping("/api/v1/contacts/{id}")
@Tag(name = "Contacts")
class ContactMergeController {

    /**
     * Merge {@code other} into the contact of the path.
     *
     * @param other the contact that is merged in and then deleted
     * @param version the version of the kept contact the merge was decided on
     * @param otherVersion the version of {@code other} it was decided on
     */
    record MergeRequest(
            @NotNull Long other,
            @NotNull Long version,
            @NotNull Long otherVersion) {}

    private final Contacts contacts;
    private final ContactDuplicates duplicates;
    private final ContactMerger merger;
    private final ContactAttempts attempts;

    ContactMergeController(
            Contacts contacts, ContactDuplicates duplicates, ContactMerger merger, ContactAttempts attempts) {
        this.contacts = contacts;
        this.duplicates = duplicates;
        this.merger = merger;
        this.attempts = attempts;
    }

    /** Contacts the caller sees that are likely the same person: same E.164 number, same email, similar name in the same account. */
    @GetMapping("/duplicates")
    List<DuplicateCandidate> duplicates(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return duplicates.of(new ContactId(id), me.viewer());
    }

    /**
     * Merges {@code other} into this contact in one transaction: this contact keeps its name, owner and visibility,
     * takes in the other's phone numbers, tags and notes, and its email and company where it has none; the other's
     * calls, tickets and campaign leads move here; the other is deleted; the audit log has both as they were. 409 when
     * either changed since the versions given; 403 when the caller may not delete {@code other}.
     */
    @PostMapping("/merge")
    Contact merge(
            @PathVariable long id,
            @Valid @RequestBody MergeRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return merger.merge(
                new ContactId(id),
                request.version(),
                new ContactId(request.other()),
                request.otherVersion(),
                me.viewer());
    }

    /** The campaign attempts of the contact's leads, newest first (at most {@value ContactAttempts#LIMIT}). */
    @GetMapping("/campaign-attempts")
    List<ContactAttempt> campaignAttempts(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        ContactId contact = new ContactId(id);
        contacts.find(contact, me.viewer()).orElseThrow(() -> new ContactNotFoundException(contact));
        return attempts.of(contact);
    }
}
