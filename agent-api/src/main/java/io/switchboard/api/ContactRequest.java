package io.switchboard.api;

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
 * @param owner the owning user's id; {@code null} makes the caller the owner
 * @param visibility {@code PRIVATE}, {@code TEAM} or {@code COMPANY}; {@code TEAM} when left out
 */
public record ContactRequest(
        @NotBlank @Size(max = 300) String name,
        @Size(max = 300) String company,
        @Email @Size(max = 320) String email,
        Long owner,
        Visibility visibility,
        Set<@NotBlank @Size(max = 64) String> tags,
        @Size(max = 4000) String notes,
        @Valid @Size(max = 20) List<PhoneRequest> phones) {

    public record PhoneRequest(
            @NotNull PhoneType type,
            @NotBlank @Size(max = 64) String number) {}

    NewContact toNewContact(UserId caller, TeamId callerTeam) {
        return new NewContact(
                name,
                company,
                email,
                owner == null ? caller : new UserId(owner),
                owner == null ? callerTeam : null,
                visibility == null ? Visibility.TEAM : visibility,
                tags == null ? Set.of() : tags,
                notes,
                phones == null
                        ? List.of()
                        : phones.stream()
                                .map(phone -> new NewPhone(phone.type(), phone.number()))
                                .toList());
    }
}
