package io.switchboard.simulator;

import io.netty.channel.Channel;
import io.switchboard.simulator.codec.AmiMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Actions on channels and calls: CoreShowChannels, Hangup, Redirect, Atxfer, CancelAtxfer, Originate. Work runs on the PBX thread. */
final class ChannelActions {

    /** Click-to-dial channels the simulator can play: the agent's phone behind {@code Local/<ext>@agent-sim}. */
    private static final Pattern AGENT_CHANNEL =
            Pattern.compile("Local/(\\w+)@agent-sim(/n)?", Pattern.CASE_INSENSITIVE);

    /** Customer-first (campaign) channels: the customer's number dialled by {@code campaign-out}. */
    private static final Pattern CAMPAIGN_CHANNEL =
            Pattern.compile("Local/(\\+?\\w+)@" + CampaignCallFlow.DIAL_CONTEXT + "(/n)?", Pattern.CASE_INSENSITIVE);

    private final SimulatedPbx pbx;

    ChannelActions(SimulatedPbx pbx) {
        this.pbx = pbx;
    }

    void register(Map<String, ActionHandler> handlers) {
        handlers.put("coreshowchannels", this::coreShowChannels);
        handlers.put("hangup", this::hangup);
        handlers.put("redirect", this::redirect);
        handlers.put("originate", this::originate);
        handlers.put("atxfer", this::atxfer);
        handlers.put("cancelatxfer", this::cancelAtxfer);
    }

    /** Attended transfer, consultation first (see {@link Consultation}). */
    private void atxfer(Channel session, AmiMessage action) {
        Optional<String> name = action.get("Channel").filter(s -> !s.isBlank());
        String exten = action.getOr("Exten", "");
        if (name.isEmpty() || exten.isBlank()) {
            session.writeAndFlush(Responses.error(action, "No channel specified"));
            return;
        }
        pbx.execute(() -> {
            Optional<LiveCall> call = pbx.callOf(name.get());
            if (call.isEmpty()) {
                session.writeAndFlush(Responses.error(action, "Unable to find channel " + name.get()));
            } else if (!call.get().consult(name.get(), exten)) {
                session.writeAndFlush(Responses.error(action, "Unable to start attended transfer"));
            } else {
                session.writeAndFlush(Responses.success(action, "Atxfer successfully queued"));
            }
        });
    }

    private void cancelAtxfer(Channel session, AmiMessage action) {
        Optional<String> name = action.get("Channel").filter(s -> !s.isBlank());
        if (name.isEmpty()) {
            session.writeAndFlush(Responses.error(action, "No channel specified"));
            return;
        }
        pbx.execute(() -> {
            Optional<LiveCall> call = pbx.callOf(name.get());
            if (call.isEmpty() || !call.get().cancelConsultation(name.get())) {
                session.writeAndFlush(Responses.error(action, "Unable to cancel attended transfer"));
            } else {
                session.writeAndFlush(Responses.success(action, "CancelAtxfer successfully queued"));
            }
        });
    }

    private void coreShowChannels(Channel session, AmiMessage action) {
        pbx.execute(() -> {
            List<SimChannel> channels = pbx.liveChannels();
            long now = pbx.clock().nowMicros();
            session.write(Responses.listStart(action, "Channels will follow"));
            for (SimChannel channel : channels) {
                AmiMessage.Builder item =
                        AmiMessage.builder().add("Event", "CoreShowChannel").actionId(action.actionId());
                ChannelFields.addTo(item, "", channel);
                item.add("Application", channel.application())
                        .add("ApplicationData", channel.applicationData())
                        .add("Duration", duration(now - channel.createdMicros))
                        .add("BridgeId", channel.bridgeId());
                session.write(item.build());
            }
            session.writeAndFlush(Responses.listComplete(action, "CoreShowChannelsComplete", channels.size()));
        });
    }

    private void hangup(Channel session, AmiMessage action) {
        Optional<String> name = action.get("Channel").filter(s -> !s.isBlank());
        if (name.isEmpty()) {
            session.writeAndFlush(Responses.error(action, "No channel specified"));
            return;
        }
        pbx.execute(() -> {
            Optional<LiveCall> call = pbx.callOf(name.get());
            if (call.isEmpty()) {
                session.writeAndFlush(Responses.error(action, "No such channel"));
                return;
            }
            session.writeAndFlush(Responses.success(action, "Channel Hungup"));
            call.get().hangupByAction(name.get());
        });
    }

    private void redirect(Channel session, AmiMessage action) {
        Optional<String> name = action.get("Channel").filter(s -> !s.isBlank());
        String exten = action.getOr("Exten", "");
        if (name.isEmpty()) {
            session.writeAndFlush(Responses.error(action, "Channel not specified"));
            return;
        }
        pbx.execute(() -> {
            Optional<LiveCall> call = pbx.callOf(name.get());
            if (call.isEmpty()) {
                session.writeAndFlush(Responses.error(action, "Channel does not exist: " + name.get()));
            } else if (exten.isBlank()
                    || !call.get().redirect(action.getOr("Context", TransferFlows.TRANSFER_CONTEXT), exten)) {
                session.writeAndFlush(Responses.error(action, "Redirect failed"));
            } else {
                session.writeAndFlush(Responses.success(action, "Redirect successful"));
            }
        });
    }

    private void originate(Channel session, AmiMessage action) {
        String channel = action.getOr("Channel", "");
        if (channel.isBlank()) {
            session.writeAndFlush(Responses.error(action, "Channel not specified"));
            return;
        }
        Matcher campaign = CAMPAIGN_CHANNEL.matcher(channel.trim());
        if (campaign.matches()) {
            dialCustomerFirst(session, action, campaign.group(1));
            return;
        }
        Matcher agent = AGENT_CHANNEL.matcher(channel.trim());
        String number = action.getOr("Exten", "");
        if (!agent.matches() || number.isBlank()) {
            session.writeAndFlush(Responses.error(
                    action, "Originate failed: the simulator dials Local/<agent>@agent-sim to an Exten in to-carrier"));
            return;
        }
        OriginateOptions options = OriginateOptions.from(action.getAll("Variable"));
        OutboundCall call = new OutboundCall(
                agent.group(1), number, options.outcome(), 1, options.customerRingSeconds(), options.talkSeconds());
        Optional<String> reportedAs = answerNowOrWhenDone(session, action);
        Map<String, String> variables = OriginateOptions.variables(action.getAll("Variable"));
        pbx.execute(() -> new OutboundCallFlow(pbx, call, reportedAs, variables).start());
    }

    private void dialCustomerFirst(Channel session, AmiMessage action, String number) {
        String exten = action.getOr("Exten", "");
        if (exten.isBlank()) {
            session.writeAndFlush(Responses.error(action, "Originate failed: no Exten (the campaign queue) given"));
            return;
        }
        String context = action.getOr("Context", "campaign-connect");
        double timeoutSeconds = 30;
        try {
            timeoutSeconds = Long.parseLong(action.getOr("Timeout", "30000").trim()) / 1000.0;
        } catch (NumberFormatException e) {
            // Asterisk falls back to its default of 30 s as well
        }
        Map<String, String> variables = OriginateOptions.variables(action.getAll("Variable"));
        double timeout = timeoutSeconds;
        Optional<String> reportedAs = answerNowOrWhenDone(session, action);
        String callerId = action.getOr("CallerID", "");
        pbx.execute(() ->
                new CampaignCallFlow(pbx, number, context, exten, reportedAs, variables, timeout, callerId).start());
    }

    /**
     * An async originate is answered now and reported later by an OriginateResponse with its ActionID; a synchronous
     * one is answered when the call connects or fails (see {@link SyncOriginates}), under the key returned.
     */
    private Optional<String> answerNowOrWhenDone(Channel session, AmiMessage action) {
        if (SyncOriginates.async(action)) {
            session.writeAndFlush(Responses.success(action, "Originate successfully queued"));
            return action.actionId();
        }
        return Optional.of(pbx.syncOriginates().hold(session, action));
    }

    /** {@code HH:MM:SS}, as CoreShowChannel reports a channel's age. */
    static String duration(long micros) {
        long seconds = Math.max(0, micros / 1_000_000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
