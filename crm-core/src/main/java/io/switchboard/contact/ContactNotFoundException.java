package io.switchboard.contact;

/** No such contact, or none the viewer may see (the two are not told apart, so ids reveal nothing). */
public class ContactNotFoundException extends RuntimeException {

    public ContactNotFoundException(ContactId id) {
        super("no contact " + id.value());
    }
}
