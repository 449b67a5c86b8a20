package io.switchboard.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * How an agent closes a call.
 *
 * @param contact the contact the call was with, when the pop offered several or none
 * @param version the activity version the agent edited; a newer one on the server means someone else changed it
 */
public record DispositionRequest(
        @NotBlank @Size(max = 40) String code,
        @Size(max = 4000) String notes,
        Long contact,
        Long version) {}
