package io.switchboard.contact;

/** The three facts visibility is decided on. */
record VisibleContact(Long ownerId, Long teamId, Visibility visibility) {}
