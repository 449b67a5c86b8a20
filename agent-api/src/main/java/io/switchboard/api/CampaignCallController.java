package io.switchboard.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.campaign.AttemptId;
import io.switchboard.campaign.Campaign;
import io.switchboard.campaign.CampaignCalls;
import io.switchboard.campaign.CampaignCalls.CampaignCall;
import io.switchboard.campaign.CampaignDisposition;
import io.switchboard.campaign.CampaignId;
import io.switchboard.campaign.CampaignReports;
import io.switchboard.campaign.Campaigns;
import io.switchboard.campaign.DialableLead;
import io.switchboard.campaign.LeadQueue;
import io.switchboard.campaign.LeadView;
import io.switchboard.campaign.OpenAttempts;
import io.switchboard.campaign.OpenAttempts.OpenAttempt;
import io.switchboard.campaign.dialer.CampaignDialer;
import io.switchboard.gateway.call.Pbxes;
import io.switchboard.security.SwitchboardUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent's side of campaigns: what a campaign call is about (the lead and the campaign's dispositions), the
 * disposition after the call, and preview mode (take a lead, look at it, dial it).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Campaign calls", description = "Agents: campaign call details, dispositions, preview dialling")
class CampaignCallController {

    private final Campaigns campaigns;
    private final CampaignCalls calls;
    private final CampaignReports reports;
    private final LeadQueue leads;
    private final OpenAttempts open;
    private final ObjectProvider<CampaignDialer> dialer;
    private final ObjectProvider<Pbxes> pbxes;
    private final Clock clock;

    CampaignCallController(
            Campaigns campaigns,
            CampaignCalls calls,
            CampaignReports reports,
            LeadQueue leads,
            OpenAttempts open,
            ObjectProvider<CampaignDialer> dialer,
            ObjectProvider<Pbxes> pbxes,
            ObjectProvider<Clock> clock) {
        this.campaigns = campaigns;
        this.calls = calls;
        this.reports = reports;
        this.leads = leads;
        this.open = open;
        this.dialer = dialer;
        this.pbxes = pbxes;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** A campaign call as the agent's desktop shows it. */
    record CampaignCallView(
            String callId,
            CampaignId campaignId,
            String campaign,
            AttemptId attemptId,
            LeadView lead,
            List<CampaignDisposition> dispositions) {}

    /** Whether a call is a campaign call, and which lead it is: 404 for any other call. */
    @GetMapping("/campaign-calls/{callId}")
    CampaignCallView call(@PathVariable String callId, @AuthenticationPrincipal SwitchboardUser me) {
        CampaignCall call = calls.find(callId).orElseThrow(() -> new NotFoundException("No campaign call " + callId));
        Campaign campaign = campaigns.get(call.campaignId(), me.viewer());
        LeadView lead = reports.lead(campaign.id(), call.leadId())
                .orElseThrow(() -> new NotFoundException("No lead " + call.leadId()));
        return new CampaignCallView(
                callId,
                campaign.id(),
                campaign.name(),
                call.attemptId(),
                lead,
                campaign.settings().dispositions());
    }

    /**
     * @param callbackAt for a callback disposition: when to call back
     * @param personal a callback only this agent gets (in preview), rather than the next free agent
     */
    record DispositionRequest(@NotBlank @Size(max = 40) String code, Instant callbackAt, Boolean personal) {}

    @PostMapping("/campaign-attempts/{attemptId}/disposition")
    ResponseEntity<Void> dispose(
            @PathVariable long attemptId,
            @Valid @RequestBody DispositionRequest request,
            @AuthenticationPrincipal SwitchboardUser me) {
        leads.dispose(
                new AttemptId(attemptId),
                request.code(),
                Optional.ofNullable(request.callbackAt()),
                Boolean.TRUE.equals(request.personal()),
                me.viewer());
        return ResponseEntity.noContent().build();
    }

    /** A lead for the agent to look at before dialling: their own callbacks first. */
    record PreviewLead(
            AttemptId attemptId,
            CampaignId campaignId,
            String number,
            String name,
            String timezone,
            Map<String, String> data,
            boolean callback) {}

    @PostMapping("/campaigns/{id}/preview")
    ResponseEntity<PreviewLead> preview(
            @PathVariable long id,
            @RequestParam(required = false) Long skip,
            @AuthenticationPrincipal SwitchboardUser me) {
        CampaignId campaign = new CampaignId(id);
        campaigns.get(campaign, me.viewer());
        Optional<DialableLead> lead = leads.claimPreview(
                campaign,
                me.viewer(),
                clock.instant(),
                Optional.ofNullable(skip).map(AttemptId::new));
        if (lead.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        DialableLead taken = lead.get();
        return ResponseEntity.ok(new PreviewLead(
                taken.attemptId(),
                taken.campaignId(),
                taken.number(),
                taken.name(),
                taken.timezone(),
                taken.data(),
                taken.callback()));
    }

    /**
     * Dials the previewed lead: the agent's phone rings first, then the customer's. The lead may have been taken
     * through another node: which lead is whose, and whether it was dialled, is in the database, so it is dialled
     * once whichever node each request reaches.
     */
    @PostMapping("/campaign-attempts/{attemptId}/dial")
    CompletableFuture<ResponseEntity<Void>> dial(
            @PathVariable long attemptId, @AuthenticationPrincipal SwitchboardUser me) {
        String extension = me.user().extension();
        if (extension == null) {
            throw new IllegalArgumentException("You have no extension to dial from");
        }
        AttemptId attempt = new AttemptId(attemptId);
        OpenAttempt previewed = open.open(attempt)
                .filter(OpenAttempt::agentFirst)
                .orElseThrow(() -> new NotFoundException("No previewed lead with attempt " + attemptId));
        CampaignDialer campaignDialer = dialer.getIfAvailable();
        if (campaignDialer == null) {
            throw new PbxUnavailableException("The dialer is off on this node");
        }
        Campaign campaign = campaigns.get(previewed.campaignId(), me.viewer());
        return campaignDialer
                .dialPreview(campaign, attempt, me.user().id(), phonePbx(me), extension)
                .thenApply(placed -> {
                    if (placed.isEmpty()) {
                        throw new NotFoundException("No previewed lead with attempt " + attemptId);
                    }
                    return ResponseEntity.accepted().build();
                });
    }

    /** The PBX of the user's phone, as commands find it (the first PBX for a phone on a PBX not configured). */
    private String phonePbx(SwitchboardUser me) {
        Pbxes configured = pbxes.getIfAvailable();
        return configured == null
                ? me.user().pbx()
                : configured.pbxOfAgent(me.user().agent());
    }
}
