package io.switchboard.contact.external;

import java.util.List;

/**
 * The outcome of asking the external CRM about one caller.
 *
 * @param reason why it is {@link ExternalStatus#UNAVAILABLE}; {@code null} otherwise
 * @param contacts the records found; empty unless {@link ExternalStatus#FOUND}
 */
public record ExternalLookup(ExternalStatus status, UnavailableReason reason, List<ExternalContact> contacts) {

    public static final ExternalLookup NOT_CONFIGURED =
            new ExternalLookup(ExternalStatus.NOT_CONFIGURED, null, List.of());
    public static final ExternalLookup NOT_LOOKED_UP =
            new ExternalLookup(ExternalStatus.NOT_LOOKED_UP, null, List.of());

    public ExternalLookup {
        contacts = List.copyOf(contacts);
        if ((status == ExternalStatus.UNAVAILABLE) != (reason != null)) {
            throw new IllegalArgumentException("an unavailable lookup has a reason, any other none");
        }
        if ((status == ExternalStatus.FOUND) == contacts.isEmpty()) {
            throw new IllegalArgumentException("a found lookup has contacts, any other none");
        }
    }

    /** Found when there are records, else not found. */
    public static ExternalLookup answered(List<ExternalContact> contacts) {
        return contacts.isEmpty()
                ? new ExternalLookup(ExternalStatus.NOT_FOUND, null, List.of())
                : new ExternalLookup(ExternalStatus.FOUND, null, contacts);
    }

    public static ExternalLookup unavailable(UnavailableReason reason) {
        return new ExternalLookup(ExternalStatus.UNAVAILABLE, reason, List.of());
    }
}
