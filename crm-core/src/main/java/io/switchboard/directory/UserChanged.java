package io.switchboard.directory;

/**
 * Published after an admin's change to a user is committed, for whatever remembers users: the screen pops' cache of
 * extensions, and the sessions of a deactivated user, which are closed at once.
 *
 * @param previousExtension the extension before the change ({@code null} for none), so its cached owner goes too
 */
public record UserChanged(DirectoryUser user, String previousExtension, boolean active) {}
