package io.switchboard.campaign.list;

import io.switchboard.campaign.CampaignId;
import java.time.Instant;

/**
 * A list import and its progress; the counters move while it runs. Every row read is imported, merged or rejected.
 *
 * @param rowsRead list rows read so far (the header not counted)
 * @param imported rows that became new leads
 * @param merged rows whose number was already a lead of the campaign (from this list or an earlier one): their
 *     data was added to that lead
 * @param rejected rows not imported; {@link LeadImports#rejections} lists them with the reasons
 * @param error why a failed import stopped; {@code null} otherwise
 * @param encoding how the file was decoded, e.g. {@code windows-1252 (detected)}; {@code null} until known
 */
public record LeadImport(
        long id,
        CampaignId campaignId,
        String fileName,
        LeadImportStatus status,
        long rowsRead,
        long imported,
        long merged,
        long rejected,
        String error,
        Instant startedAt,
        Instant finishedAt,
        String encoding) {

    public boolean finished() {
        return status != LeadImportStatus.RUNNING;
    }
}
