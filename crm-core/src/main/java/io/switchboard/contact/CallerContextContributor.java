package io.switchboard.contact;

import java.util.Optional;

/**
 * Adds a section to every screen pop: other packages declare a Spring bean implementing this (the ticket package
 * adds the caller's open tickets). A contributor that throws is skipped and counted; the pop goes out without it.
 */
public interface CallerContextContributor {

    /** The section's name in the pop, e.g. {@code openTickets}; unique among contributors. */
    String name();

    /** The section's data for this caller, or empty to leave it out. */
    Optional<Object> contribute(CallerContextRequest request);
}
