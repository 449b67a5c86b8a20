package io.switchboard.campaign.list;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignAccess;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.CampaignNotFoundException;
import io.switchboard.campaign.CampaignStateException;
import io.switchboard.campaign.CampaignStatus;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.InvalidCampaignException;
import io.switchboard.campaign.LeadNumbers;
import io.switchboard.campaign.dnc.DncEntry;
import io.switchboard.campaign.dnc.DoNotCall;
import io.switchboard.csv.ByteSource;
import io.switchboard.csv.CsvEntry;
import io.switchboard.csv.CsvFormatException;
import io.switchboard.csv.CsvHeader;
import io.switchboard.csv.CsvReader;
import io.switchboard.csv.CsvRejection;
import io.switchboard.csv.CsvRow;
import io.switchboard.csv.DecodedText;
import io.switchboard.csv.TextEncodings;
import io.switchboard.directory.Viewer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports CSV lists into campaigns. Every row is checked (a valid number, stored in E.164; a time zone from the row
 * or the number); a number already in the campaign, from this list or an earlier one, is merged into its lead; a
 * number on a do-not-call list is rejected. Every good row is kept and every rejected one is reported with its
 * reason, records that are not valid CSV too (a quote that never closes costs its line; {@link CsvReader}). The
 * file's encoding is found ({@link TextEncodings}) and kept with the import. Rows are written in batches (COPY on PostgreSQL), one transaction each, and the import's record counts
 * the rows as they go, so a client can poll its progress.
 */
public class LeadImports {

    private static final Logger log = LoggerFactory.getLogger(LeadImports.class);

    private final Campaigns campaigns;
    private final DoNotCall doNotCall;
    private final LeadNumbers numbers;
    private final ImportRecords records;
    private final LeadBatchWriter writer;
    private final TransactionTemplate transactions;
    private final ExecutorService executor;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Settings settings;

    /** The import's configuration ({@code switchboard.campaigns.*}). */
    record Settings(int batchSize, String fallbackZone, int maxStoredRejections) {}

    LeadImports(
            Campaigns campaigns,
            DoNotCall doNotCall,
            LeadNumbers numbers,
            ImportRecords records,
            LeadBatchWriter writer,
            TransactionTemplate transactions,
            ExecutorService executor,
            MeterRegistry meters,
            Clock clock,
            Settings settings) {
        this.campaigns = campaigns;
        this.doNotCall = doNotCall;
        this.numbers = numbers;
        this.records = records;
        this.writer = writer;
        this.transactions = transactions;
        this.executor = executor;
        this.meters = meters;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Imports a list now, on the caller's thread; its record (see {@link #find}) shows the progress meanwhile.
     *
     * @return the finished import ({@link LeadImportStatus#FAILED} with the error when the database failed)
     * @throws InvalidCampaignException when the header cannot be read or lacks a mapped column (nothing is imported)
     */
    public LeadImport importCsv(
            CampaignId campaignId, String fileName, Reader csv, LeadImportOptions options, Viewer viewer) {
        long id = begin(campaignId, fileName, viewer);
        run(id, campaignId, () -> new CsvReader(csv, options.delimiter(), null), "text", options);
        return records.find(id).orElseThrow();
    }

    /**
     * Starts importing a file in the background and returns at once with the running import; poll {@link #find}.
     * The file is deleted once read when the options say so.
     */
    public LeadImport startImport(CampaignId campaignId, Path file, LeadImportOptions options, Viewer viewer) {
        return startImport(campaignId, file, options, viewer, file.getFileName().toString());
    }

    /** As {@link #startImport(long, Path, LeadImportOptions, Viewer)}, reporting the file under the name it was sent. */
    public LeadImport startImport(
            CampaignId campaignId, Path file, LeadImportOptions options, Viewer viewer, String fileName) {
        long id = begin(campaignId, fileName, viewer);
        executor.execute(() -> {
            try {
                DecodedText decoded = TextEncodings.open(ByteSource.of(file), options.charset());
                try (Reader text = decoded.text()) {
                    run(id, campaignId, () -> CsvReader.of(decoded, options.delimiter()), decoded.describe(), options);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("list import {} failed", id, e);
                records.finish(id, LeadImportStatus.FAILED, String.valueOf(e.getMessage()), clock.instant());
            } finally {
                if (options.deleteFileWhenDone()) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        log.warn("could not delete the imported list {}", file, e);
                    }
                }
            }
        });
        return records.find(id).orElseThrow();
    }

    /** The import with its progress; empty when there is none or the viewer may not see its campaign. */
    public Optional<LeadImport> find(long importId, Viewer viewer) {
        return records.find(importId).filter(found -> mayWatch(found.campaignId(), viewer));
    }

    /** The campaign's imports, newest first. */
    public List<LeadImport> list(CampaignId campaignId, Viewer viewer) {
        if (!mayWatch(campaignId, viewer)) {
            throw CampaignNotFoundException.campaign(campaignId);
        }
        return records.ofCampaign(campaignId.value());
    }

    /** An import's rejected rows in row order (the first {@code switchboard.campaigns.max-stored-rejections}). */
    public List<RejectedLead> rejections(long importId, int offset, int limit, Viewer viewer) {
        find(importId, viewer).orElseThrow(() -> new CampaignNotFoundException("no list import " + importId));
        return records.rejected(importId, offset, limit);
    }

    private boolean mayWatch(CampaignId campaignId, Viewer viewer) {
        return CampaignAccess.oversees(viewer) && campaigns.find(campaignId).isPresent();
    }

    private long begin(CampaignId campaignId, String fileName, Viewer viewer) {
        CampaignAccess.requireManager(viewer, "import lists");
        Campaign campaign =
                campaigns.find(campaignId).orElseThrow(() -> CampaignNotFoundException.campaign(campaignId));
        if (campaign.status() == CampaignStatus.FINISHED) {
            throw new CampaignStateException("campaign " + campaignId + " is finished; it takes no more leads");
        }
        return records.start(campaignId.value(), fileName, viewer.user().value(), clock.instant());
    }

    private void run(
            long id, CampaignId campaignId, Supplier<CsvReader> open, String encoding, LeadImportOptions options) {
        records.encoding(id, encoding);
        Tally tally = new Tally(new LeadBatchWriter.ImportState(records.campaignHasLeads(campaignId.value())));
        try {
            CsvReader csv = readHeader(open);
            CsvHeader header = csv.header();
            for (Map.Entry<String, String> mapped : options.columns().mapped().entrySet()) {
                if (!header.contains(mapped.getValue())) {
                    throw new InvalidCampaignException(
                            "columns",
                            "the " + mapped.getKey() + " column '" + mapped.getValue() + "' is not in the header "
                                    + header);
                }
            }
            ListRowReader reader =
                    new ListRowReader(options.columns(), numbers, settings.fallbackZone(), header.names());
            List<ListRow> batch = new ArrayList<>(settings.batchSize());
            List<RejectedLead> rejected = new ArrayList<>();
            long read = 0;
            for (CsvEntry entry = csv.next(); entry != null; entry = csv.next()) {
                read++;
                if (entry instanceof CsvRejection broken) {
                    rejected.add(new RejectedLead(broken.line(), List.of(broken.text()), broken.reason()));
                    rejectedCounter("not_csv");
                } else {
                    CsvRow record = (CsvRow) entry;
                    try {
                        batch.add(reader.read(record));
                    } catch (ListRowReader.Rejected e) {
                        rejected.add(new RejectedLead(record.line(), record.cells(), e.getMessage()));
                        rejectedCounter(e.kind);
                    }
                }
                if (batch.size() + rejected.size() >= settings.batchSize()) {
                    flush(id, campaignId, batch, rejected, read, tally);
                    read = 0;
                }
            }
            flush(id, campaignId, batch, rejected, read, tally);
            records.finish(id, LeadImportStatus.DONE, null, clock.instant());
            records.refreshStatistics(tally.state.written.size());
        } catch (InvalidCampaignException e) {
            records.finish(id, LeadImportStatus.FAILED, e.getMessage(), clock.instant());
            throw e;
        } catch (UncheckedIOException e) {
            records.finish(id, LeadImportStatus.FAILED, "could not read the file: " + e.getMessage(), clock.instant());
        }
    }

    private static CsvReader readHeader(Supplier<CsvReader> open) {
        try {
            return open.get();
        } catch (CsvFormatException e) {
            throw new InvalidCampaignException("file", e.getMessage());
        }
    }

    /** Writes a batch: do-not-call numbers rejected, the rest merged or inserted, progress counted. */
    private void flush(
            long id, CampaignId campaignId, List<ListRow> batch, List<RejectedLead> rejected, long read, Tally tally) {
        Map<String, DncEntry> blocked = doNotCall.blocked(
                campaignId, batch.stream().map(ListRow::e164).distinct().toList());
        List<ListRow> good = new ArrayList<>(batch.size());
        for (ListRow row : batch) {
            DncEntry entry = blocked.get(row.e164());
            if (entry == null) {
                good.add(row);
            } else {
                rejected.add(new RejectedLead(row.row(), row.cells(), "do not call: " + entry.describe()));
                rejectedCounter("dnc");
            }
        }
        rejected.sort(java.util.Comparator.comparingLong(RejectedLead::row));
        List<RejectedLead> stored = rejected.subList(0, (int)
                Math.max(0, Math.min(rejected.size(), settings.maxStoredRejections() - tally.rejected)));
        long rejectedCount = rejected.size();
        transactions.executeWithoutResult(status -> {
            LeadBatchWriter.Written written = writer.write(campaignId.value(), id, good, clock.instant(), tally.state);
            records.rejections(id, stored);
            records.progress(id, read, written.imported(), written.merged(), rejectedCount);
            meters.counter("switchboard.campaigns.leads.imported").increment(written.imported());
            meters.counter("switchboard.campaigns.leads.merged").increment(written.merged());
        });
        tally.rejected += rejectedCount;
        batch.clear();
        rejected.clear();
    }

    private void rejectedCounter(String reason) {
        meters.counter("switchboard.campaigns.leads.rejected", "reason", reason).increment();
    }

    /** Counts across batches of one import. */
    private static final class Tally {
        final LeadBatchWriter.ImportState state;
        long rejected;

        Tally(LeadBatchWriter.ImportState state) {
            this.state = state;
        }
    }
}
