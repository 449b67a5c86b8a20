package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.CampaignReports;
import io.switchboard.campaign.CampaignSettings;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.InvalidCampaignException;
import io.switchboard.campaign.dnc.DncEntry;
import io.switchboard.campaign.dnc.DncKind;
import io.switchboard.campaign.dnc.DoNotCall;
import io.switchboard.campaign.list.LeadColumns;
import io.switchboard.campaign.list.LeadImport;
import io.switchboard.campaign.list.LeadImportOptions;
import io.switchboard.campaign.list.LeadImports;
import io.switchboard.campaign.list.RejectedLead;
import io.switchboard.csv.ByteSource;
import io.switchboard.csv.CsvFormatException;
import io.switchboard.csv.CsvReader;
import io.switchboard.csv.DecodedText;
import io.switchboard.csv.TextEncodings;
import io.switchboard.directory.Directory;
import io.switchboard.directory.DirectoryUser;
import io.switchboard.directory.UserId;
import io.switchboard.outbound.CampaignBoard;
import io.switchboard.outbound.CampaignProgressView;
import io.switchboard.security.SwitchboardUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Outbound campaigns for campaign managers: set up, start, pause and finish them, upload lists (with the row report),
 * keep do-not-call lists, watch progress with the pacer's explanation and export the results. Supervisors may read.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Campaigns", description = "Outbound campaigns: lists, do-not-call, pacing, progress and results")
class CampaignController {

    /** The most do-not-call entries one list request returns. */
    static final int MAX_DNC_PAGE = 1000;
    /** The most rejected rows one request returns. */
    static final int MAX_REJECTIONS_PAGE = 10_000;

    private final Campaigns campaigns;
    private final LeadImports imports;
    private final DoNotCall doNotCall;
    private final CampaignReports reports;
    private final CampaignBoard board;
    private final Directory directory;
    private final Uploads uploads;

    CampaignController(
            Campaigns campaigns,
            LeadImports imports,
            DoNotCall doNotCall,
            CampaignReports reports,
            CampaignBoard board,
            Directory directory,
            Uploads uploads) {
        this.campaigns = campaigns;
        this.imports = imports;
        this.doNotCall = doNotCall;
        this.reports = reports;
        this.board = board;
        this.directory = directory;
        this.uploads = uploads;
    }

    @GetMapping("/campaigns")
    List<CampaignView> list(@AuthenticationPrincipal SwitchboardUser me) {
        return campaigns.list(me.viewer()).stream().map(this::view).toList();
    }

    @PostMapping("/campaigns")
    ResponseEntity<CampaignView> create(
            @Valid @RequestBody CampaignRequest request, @AuthenticationPrincipal SwitchboardUser me) {
        Campaign created = campaigns.create(settings(request), me.viewer());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id()))
                .body(view(created));
    }

    @GetMapping("/campaigns/{id}")
    CampaignView get(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return view(campaigns.get(new CampaignId(id), me.viewer()));
    }

    @PutMapping("/campaigns/{id}")
    CampaignView update(
            @PathVariable long id,
            @Valid @RequestBody CampaignRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        return view(campaigns.update(new CampaignId(id), settings(request), me.viewer()));
    }

    @PostMapping("/campaigns/{id}/start")
    CampaignView start(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return view(campaigns.start(new CampaignId(id), me.viewer()));
    }

    @PostMapping("/campaigns/{id}/pause")
    CampaignView pause(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return view(campaigns.pause(new CampaignId(id), me.viewer()));
    }

    @PostMapping("/campaigns/{id}/finish")
    CampaignView finish(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return view(campaigns.finish(new CampaignId(id), me.viewer()));
    }

    /** Live figures and the pacer's explanation (also pushed as {@code campaignProgress} on the CTI edge). */
    @GetMapping("/campaigns/{id}/progress")
    CampaignProgressView progress(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return board.progress(campaigns.get(new CampaignId(id), me.viewer()));
    }

    /**
     * Uploads a CSV list. It is read in the background: the answer (202) is the import with its first counts; poll
     * {@code /campaigns/{id}/imports/{importId}} for progress and the rejected rows. Only campaign managers and
     * admins reach this (the security chain refuses others before the body is read); the copy kept for the
     * background import is deleted when it is read, and at once when the upload is refused.
     *
     * @param number the header of the number column
     * @param name the header of the full-name column
     * @param timezone the header of a column overriding the zone taken from the number
     * @param delimiter the field separator; by default the one of {@code , ; TAB |} the header holds most of
     * @param charset the file's encoding; by default found from the file (byte-order mark, UTF-8, else detected)
     */
    @PostMapping(path = "/campaigns/{id}/leads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> upload(
            @PathVariable long id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "number") String number,
            @RequestParam(defaultValue = "name") String name,
            @RequestParam(defaultValue = "timezone") String timezone,
            @RequestParam(required = false) Character delimiter,
            @RequestParam(required = false) String charset,
            @AuthenticationPrincipal SwitchboardUser me)
            throws IOException {
        campaigns.get(new CampaignId(id), me.viewer());
        Charset encoding = Uploads.charset(charset);
        Path copy = uploads.keep(file, "switchboard-list-");
        try {
            LeadColumns columns = columns(copy, delimiter, encoding, number, name, timezone);
            LeadImport started = imports.startImport(
                    new CampaignId(id),
                    copy,
                    new LeadImportOptions(columns, delimiter, true, encoding),
                    me.viewer(),
                    fileName(file));
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/campaigns/" + id + "/imports/" + started.id()))
                    .body(report(started, me));
        } catch (IOException | RuntimeException e) {
            // once started, the import deletes the file; before, nobody else would
            Uploads.delete(copy);
            throw e;
        }
    }

    /**
     * The mapping, fitted to the file's header: the name, timezone and priority columns are optional, so a list with
     * only numbers imports too. A missing number column fails the import with the header in the reason; a file
     * that is not text is refused (415) here, before an import is recorded.
     */
    private static LeadColumns columns(
            Path file, Character delimiter, Charset charset, String number, String name, String timezone)
            throws IOException {
        DecodedText decoded = TextEncodings.open(ByteSource.of(file), charset);
        List<String> header;
        try (Reader text = decoded.text()) {
            header = CsvReader.of(decoded, delimiter).header().names();
        } catch (CsvFormatException e) {
            throw new InvalidCampaignException("file", e.getMessage());
        }
        return LeadColumns.of(number, name)
                .withTimezone(timezone)
                .withPriority("priority")
                .fittedTo(header);
    }

    @GetMapping("/campaigns/{id}/imports")
    List<LeadImport> imports(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me) {
        return imports.list(new CampaignId(id), me.viewer());
    }

    /** An import's progress and, once rows were rejected, the first {@code limit} of them with the reasons. */
    @GetMapping("/campaigns/{id}/imports/{importId}")
    ImportReport importReport(
            @PathVariable long id, @PathVariable long importId, @AuthenticationPrincipal SwitchboardUser me) {
        LeadImport found = imports.find(importId, me.viewer())
                .filter(candidate -> candidate.campaignId().value() == id)
                .orElseThrow(() -> new NotFoundException("No import " + importId + " in campaign " + id));
        return report(found, me);
    }

    /** An import with its rejected rows (the first 1,000; the rest through {@code /rejections}). */
    record ImportReport(
            long importId,
            CampaignId campaignId,
            String fileName,
            String state,
            long rowsRead,
            long imported,
            long merged,
            long rejected,
            String error,
            String encoding,
            List<RejectedRow> rejectedRows) {}

    record RejectedRow(long row, List<String> values, String reason) {}

    private ImportReport report(LeadImport found, SwitchboardUser me) {
        List<RejectedRow> rows = found.rejected() == 0
                ? List.of()
                : imports.rejections(found.id(), 0, 1000, me.viewer()).stream()
                        .map(CampaignController::row)
                        .toList();
        return new ImportReport(
                found.id(),
                found.campaignId(),
                found.fileName(),
                found.status().name(),
                found.rowsRead(),
                found.imported(),
                found.merged(),
                found.rejected(),
                found.error(),
                found.encoding(),
                rows);
    }

    private static RejectedRow row(RejectedLead rejected) {
        return new RejectedRow(rejected.row(), rejected.cells(), rejected.reason());
    }

    @GetMapping("/campaigns/{id}/imports/{importId}/rejections")
    List<RejectedRow> rejections(
            @PathVariable long id,
            @PathVariable long importId,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "1000") int limit,
            @AuthenticationPrincipal SwitchboardUser me) {
        importReport(id, importId, me);
        Paging.offset(offset, limit, MAX_REJECTIONS_PAGE);
        return imports.rejections(importId, offset, limit, me.viewer()).stream()
                .map(CampaignController::row)
                .toList();
    }

    /** One row per lead: number, name, status, attempts, last outcome and disposition, agent, times, data. */
    @GetMapping(path = "/campaigns/{id}/results.csv", produces = "text/csv")
    void export(@PathVariable long id, @AuthenticationPrincipal SwitchboardUser me, HttpServletResponse response)
            throws IOException {
        Campaign campaign = campaigns.get(new CampaignId(id), me.viewer());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"campaign-" + campaign.id() + "-results.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        reports.exportResults(new CampaignId(id), out, me.viewer());
        out.flush();
    }

    /** A do-not-call entry: an E.164 number, or a prefix that blocks every number starting with it. */
    record DncRequest(
            @NotNull DncKind kind,
            @NotBlank @Size(max = 24) String value,
            @Size(max = 200) String reason) {}

    @GetMapping("/dnc")
    List<DncEntry> globalDnc(
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit,
            @AuthenticationPrincipal SwitchboardUser me) {
        Paging.offset(offset, limit, MAX_DNC_PAGE);
        return doNotCall.list(null, offset, limit, me.viewer());
    }

    @PostMapping("/dnc")
    ResponseEntity<DncEntry> addGlobalDnc(
            @Valid @RequestBody DncRequest request, @AuthenticationPrincipal SwitchboardUser me) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(doNotCall.add(null, request.kind(), request.value(), request.reason(), me.viewer()));
    }

    @DeleteMapping("/dnc/{entryId}")
    ResponseEntity<Void> removeDnc(@PathVariable long entryId, @AuthenticationPrincipal SwitchboardUser me) {
        if (!doNotCall.remove(entryId, me.viewer())) {
            throw new NotFoundException("No do-not-call entry " + entryId);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/campaigns/{id}/dnc")
    List<DncEntry> campaignDnc(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit,
            @AuthenticationPrincipal SwitchboardUser me) {
        campaigns.get(new CampaignId(id), me.viewer());
        Paging.offset(offset, limit, MAX_DNC_PAGE);
        return doNotCall.list(new CampaignId(id), offset, limit, me.viewer());
    }

    @PostMapping("/campaigns/{id}/dnc")
    ResponseEntity<DncEntry> addCampaignDnc(
            @PathVariable long id,
            @Valid @RequestBody DncRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        campaigns.get(new CampaignId(id), me.viewer());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(doNotCall.add(
                        new CampaignId(id), request.kind(), request.value(), request.reason(), me.viewer()));
    }

    private CampaignSettings settings(CampaignRequest request) {
        CampaignSettings settings = CampaignSettings.defaults(request.name(), request.queue())
                .withDialMode(request.dialMode())
                .withAgents(agents(request.agents()));
        if (request.callerId() != null) {
            settings = settings.withCallerId(request.callerId());
        }
        if (request.callWindow() != null) {
            settings = settings.withCallWindow(request.callWindow());
        }
        if (request.maxAttempts() != null) {
            settings = settings.withMaxAttempts(request.maxAttempts());
        }
        if (request.retryDelays() != null) {
            for (var delay : request.retryDelays().entrySet()) {
                settings = settings.withRetryDelay(delay.getKey(), delay.getValue());
            }
        }
        if (request.leadOrder() != null) {
            settings = settings.withLeadOrder(request.leadOrder());
        }
        if (request.abandonCap() != null) {
            settings = settings.withAbandonCap(request.abandonCap());
        }
        if (request.dispositions() != null && !request.dispositions().isEmpty()) {
            settings = settings.withDispositions(request.dispositions());
        }
        return settings;
    }

    private Set<UserId> agents(List<String> usernames) {
        Set<UserId> ids = new LinkedHashSet<>();
        for (String username : usernames == null ? List.<String>of() : usernames) {
            DirectoryUser user = directory
                    .findByUsername(username.strip())
                    .orElseThrow(() -> new InvalidCampaignException("agents", "no user " + username.strip()));
            ids.add(user.id());
        }
        return ids;
    }

    private CampaignView view(Campaign campaign) {
        CampaignSettings settings = campaign.settings();
        List<String> agents = directory.findAll(settings.agents()).stream()
                .map(DirectoryUser::username)
                .sorted()
                .toList();
        return new CampaignView(
                campaign.id(),
                campaign.name(),
                campaign.status(),
                settings.dialMode(),
                settings.queue(),
                settings.callerId(),
                agents,
                settings.callWindow(),
                settings.maxAttempts(),
                settings.retryDelays(),
                settings.leadOrder(),
                settings.abandonCap(),
                settings.dispositions(),
                campaign.createdAt(),
                campaign.startedAt(),
                campaign.finishedAt(),
                campaign.invalidSettings());
    }

    private static String fileName(MultipartFile file) {
        String original = file.getOriginalFilename();
        return original == null || original.isBlank()
                ? "list.csv"
                : Path.of(original).getFileName().toString();
    }
}
