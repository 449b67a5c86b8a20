package io.switchboard.contact;

import io.switchboard.contact.external.ExternalCrm;
import io.switchboard.contact.external.ExternalLookup;
import io.switchboard.contact.external.ExternalQuery;
import io.switchboard.contact.external.UnavailableReason;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The external CRM's part of a pop: asks it about callers with a real number (never withheld or missing caller
 * ids, internal extensions, or numbers that are not valid), and merges its answer with the local contacts.
 */
final class ExternalCallers {

    private final ExternalCrm crm;
    private final PhoneNormalizer normalizer;
    private final ContactProperties properties;
    private final ExternalMerge merge;

    ExternalCallers(ExternalCrm crm, PhoneNormalizer normalizer, ContactProperties properties) {
        this.crm = crm;
        this.normalizer = normalizer;
        this.properties = properties;
        this.merge = new ExternalMerge(normalizer);
    }

    /** Starts the lookup; it runs while the pop reads the local contacts. */
    CompletableFuture<ExternalLookup> start(String callerNumber) {
        if (crm == ExternalCrm.NOT_CONFIGURED) {
            return CompletableFuture.completedFuture(ExternalLookup.NOT_CONFIGURED);
        }
        CallerNumber caller = CallerNumber.read(callerNumber, normalizer, properties);
        if (caller.refused() || caller.e164() == null) {
            return CompletableFuture.completedFuture(ExternalLookup.NOT_LOOKED_UP);
        }
        String raw = callerNumber.strip();
        String national =
                normalizer.parse(raw).map(normalizer::nationalDialledDigits).orElse(caller.nationalNumber());
        return crm.lookup(new ExternalQuery(raw, caller.e164(), national))
                .exceptionally(error -> ExternalLookup.unavailable(UnavailableReason.CONNECTOR_ERROR));
    }

    /**
     * The lookup's outcome merged with the pop's local contacts. Waits no longer than the connector's deadline,
     * which {@link ExternalCrm#lookup} keeps.
     */
    ExternalRecords finish(CompletableFuture<ExternalLookup> lookup, List<Contact> local) {
        return merge.merge(lookup.join(), local);
    }
}
