package io.switchboard.contact.external;

/**
 * A record the external CRM returned for a caller. Any field the answer lacks (or the mapping leaves out) is
 * {@code null}.
 *
 * @param source the configured name of the external CRM
 * @param externalId the record's id over there
 * @param phone the number as the external CRM has it (not normalised)
 * @param url a link that opens the record in the external CRM
 */
public record ExternalContact(
        String source, String externalId, String name, String company, String email, String phone, String url) {}
