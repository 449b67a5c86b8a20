package io.switchboard.contact.external;

import java.util.concurrent.CompletableFuture;

/**
 * Looks a caller up in the CRM a site keeps outside Switchboard. The screen pop asks before its local lookup and
 * collects the answer after it, so the two run side by side.
 */
public interface ExternalCrm {

    /** What pops get while no external CRM is configured: nothing is asked. */
    ExternalCrm NOT_CONFIGURED = query -> CompletableFuture.completedFuture(ExternalLookup.NOT_CONFIGURED);

    /**
     * Starts a lookup. The future completes within the connector's deadline, never exceptionally: a CRM that is
     * slow, down or answers nonsense gives {@link ExternalStatus#UNAVAILABLE} with the reason.
     */
    CompletableFuture<ExternalLookup> lookup(ExternalQuery query);
}
