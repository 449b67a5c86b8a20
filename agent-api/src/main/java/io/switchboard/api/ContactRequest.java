package io.switchboard.api;

import io.switchboard.contact.Contact;
import io.switchboard.contact.NewContact;
import io.switchboard.contact.NewPhone;
import io.switchboard.contact.PhoneType;
import io.switchboard.contact.Visibility;
import io.switchboard.directory.TeamId;
import io.switchboard.directory.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * A contact as the API takes it.
 *
 * @param owner the owning user's id; {@code null} makes the caller the owner of a new contact and keeps the owner of an
 *     edited one
 * @param visibility {@code PRIVATE}, {@code TEAM} or {@code COMPANY}; {@code TEAM} for a new contact and unchanged for
 *     an edited one when left out
 * @param tags at most {@value #MAX_TAGS}, each at most 64 characters
 * @param version the contact's version the edit was made on (what {@code GET} returned): required by {@code PUT},
 *     optional in a {@code PATCH}; ignored when creating
 */
public record ContactRequest(
        @NotBlank @Size(max = 300) String name,
        @Size(max = 300) String company,
        @Email @Size(max = 320) String email,
        Long owner,
        Visibility visibility,
        @Size(max = MAX_TAGS) Set<@NotBlank @Size(max = 64) String> tags,
        @Size(max = 4000) String notes,
        @Valid @Size(max = 20) List<@NotNull PhoneRequest> phones,
        Long version) {

    static final int MAX_TAGS = 50;

    /** The contact as an edit starts from it: what {@code PUT} takes back, and what a {@code PATCH} is applied to. */
    static ContactRequest of(Contact contact) {
        return new ContactRequest(
                contact.name(),
                contact.account() == null ? null : contact.account().name(),
                contact.email(),
                contact.owner() == null ? null : contact.owner().value(),
                contact.visibility(),
                contact.tags(),
                contact.notes(),
                contact.phones().stream()
                        .map(phone -> new PhoneRequest(phone.type(), phone.raw()))
                        .toList(),
                contact.version());
    }

    public record PhoneRequest(
            @NotNull PhoneType type,
            @NotBlank @Size(max = 64) String number) {}

    /** A new contact: the caller owns it unless the request names an owner; {@code TEAM} unless it says otherwise. */
    NewContact toNewContact(UserId caller, TeamId callerTeam) {
        return owner == null
                ? toNewContact(caller, callerTeam, Visibility.TEAM)
                : toNewContact(new UserId(owner), null, Visibility.TEAM);
    }

    /**
     * The contact after an edit: an owner or visibility the request leaves out stays as it was, so that a supervisor
     * correcting a typo in an agent's private contact neither takes it over nor shows it to the team.
     */
    NewContact toReplacement(Contact current) {
        return owner == null
                ? toNewContact(current.owner(), current.team(), current.visibility())
                : toNewContact(new UserId(owner), null, current.visibility());
    }

    private NewContact toNewContact(UserId newOwner, TeamId team, Visibility otherwise) {
        return new NewContact(
                name,
                company,
                email,
                newOwner,
                team,
                visibility == null ? otherwise : visibility,
                tags == null ? Set.of() : tags,
                notes,
                phones == null
                        ? List.of()
                        : phones.stream()
                                .map(phone -> new NewPhone(phone.type(), phone.number()))
                                .toList());
    }
}
