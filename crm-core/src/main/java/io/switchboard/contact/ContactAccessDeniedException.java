package io.switchboard.contact;

/** The viewer may see the contact but not do this to it. */
public class ContactAccessDeniedException extends RuntimeException {

    public ContactAccessDeniedException(ContactId id) {
        this(id, "not allowed to delete contact " + id.value());
    }

    public ContactAccessDeniedException(ContactId id, String why) {
        super(why);
    }
}
