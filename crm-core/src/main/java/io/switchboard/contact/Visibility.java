package io.switchboard.contact;

/**
 * Who may see a contact, besides admins and campaign managers who see all contacts.
 *
 * <ul>
 *   <li>{@link #PRIVATE}: its owner, and the supervisors of its team;
 *   <li>{@link #TEAM}: everyone in its team (the team "shares" it), and its owner;
 *   <li>{@link #COMPANY}: everyone.
 * </ul>
 */
public enum Visibility {
    PRIVATE,
    TEAM,
    COMPANY
}
