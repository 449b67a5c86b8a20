package io.switchboard.contact;

/** The viewer may see the contact but not do this to it. */
public class ContactAccessDeniedException extends RuntimeException {

    public ContactAccessDeniedException(ContactId id) {
        super("not allowed to delete contact " + id.value());
    }
}
