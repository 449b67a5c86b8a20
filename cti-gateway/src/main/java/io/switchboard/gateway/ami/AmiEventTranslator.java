package io.switchboard.gateway.ami;

import io.switchboard.gateway.call.CallTrackerSettings;
import io.switchboard.gateway.call.MemberStatus;
import io.switchboard.gateway.call.PbxEvent;
import io.switchboard.gateway.call.PbxEvent.*;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.asteriskjava.manager.event.*;

/**
 * Translates Asterisk-Java's manager events into the call model's {@link PbxEvent}s: one small function per event
 * class. Only the Asterisk 12+ family is handled (DialBegin/DialEnd, BridgeEnter/BridgeLeave); the legacy events
 * Asterisk-Java synthesises beside them (DialEvent, BridgeEvent) are ignored so nothing counts twice.
 */
final class AmiEventTranslator {

    private final Map<Class<?>, Function<ManagerEvent, PbxEvent>> translations = new HashMap<>();
    private final CallTrackerSettings settings;
    private final ListingRequests listings;

    AmiEventTranslator(CallTrackerSettings settings, ListingRequests listings) {
        this.settings = settings;
        this.listings = listings;
        on(VarSetEvent.class, this::variableSet);
        on(
                OriginateResponseEvent.class,
                e -> new OriginateResponded(
                        at(e), e.getActionId(), e.isSuccess(), orZero(e.getReason()), realId(e.getUniqueId())));
        on(
                NewChannelEvent.class,
                e -> e.getUniqueId() == null
                        ? new Ignored(at(e), "NewChannelEvent without Uniqueid")
                        : new ChannelCreated(
                                at(e),
                                e.getUniqueId(),
                                orOwnId(e.getLinkedid(), e.getUniqueId()),
                                e.getChannel(),
                                e.getCallerIdNum(),
                                e.getCallerIdName(),
                                e.getContext(),
                                e.getExten(),
                                isUp(e.getChannelState())));
        on(NewStateEvent.class, e -> new ChannelStateChanged(at(e), e.getUniqueId(), isUp(e.getChannelState())));
        on(HangupEvent.class, e -> new ChannelHungUp(at(e), e.getUniqueId(), orZero(e.getCause()), e.getCauseTxt()));
        on(LocalBridgeEvent.class, e -> new LocalPairBridged(at(e), e.getLocalOneUniqueId(), e.getLocalTwoUniqueid()));
        on(
                QueueCallerJoinEvent.class,
                e -> new QueueCallerJoined(at(e), e.getUniqueId(), e.getQueue(), orZero(e.getPosition())));
        on(QueueCallerLeaveEvent.class, e -> new QueueCallerLeft(at(e), e.getUniqueId(), e.getQueue()));
        on(
                QueueCallerAbandonEvent.class,
                e -> new QueueCallerAbandoned(
                        at(e),
                        e.getUniqueId(),
                        e.getQueue(),
                        orZero(e.getOriginalPosition()),
                        orZero(e.getHoldTime())));
        on(
                AgentCalledEvent.class,
                e -> new QueueAgentCalled(
                        at(e),
                        e.getUniqueId(),
                        e.getQueue(),
                        memberOf(e.getInterface(), e.getAgentCalled()),
                        e.getDestUniqueId()));
        on(
                AgentRingNoAnswerEvent.class,
                e -> new QueueAgentRingNoAnswer(
                        at(e), e.getUniqueId(), e.getQueue(), memberOf(e.getInterface(), e.getMember())));
        on(
                AgentConnectEvent.class,
                e -> new QueueAgentConnected(
                        at(e),
                        e.getUniqueId(),
                        e.getQueue(),
                        memberOf(e.getInterface(), e.getMember()),
                        orZero(e.getHoldTime()),
                        orZero(e.getRingtime())));
        on(
                AgentCompleteEvent.class,
                e -> new QueueAgentCompleted(
                        at(e),
                        e.getUniqueId(),
                        e.getQueue(),
                        memberOf(e.getInterface(), e.getMember()),
                        orZero(e.getTalkTime())));
        on(
                DialBeginEvent.class,
                e -> new DialBegan(
                        at(e), e.getUniqueId(), e.getDestUniqueId(), e.getDestExten(), e.getDestCallerIdNum()));
        on(DialEndEvent.class, e -> new DialEnded(at(e), e.getUniqueId(), e.getDestUniqueId(), e.getDialStatus()));
        on(BridgeEnterEvent.class, e -> new BridgeEntered(at(e), e.getBridgeUniqueId(), e.getUniqueId()));
        on(BridgeLeaveEvent.class, e -> new BridgeLeft(at(e), e.getBridgeUniqueId(), e.getUniqueId()));
        on(
                BlindTransferEvent.class,
                e -> new BlindTransferred(
                        at(e), e.getTransfererUniqueId(), e.getTransfereeUniqueId(), e.getExtension()));
        on(
                AttendedTransferEvent.class,
                e -> new AttendedTransferred(
                        at(e),
                        e.getOrigTransfererUniqueid(),
                        e.getSecondTransfererUniqueid(),
                        e.getTransfereeUniqueid(),
                        e.getTransferTargetUniqueID()));
        on(
                QueueMemberStatusEvent.class,
                e -> new MemberChanged(
                        at(e),
                        e.getQueue(),
                        memberOf(e.getInterface(), e.getLocation()),
                        MemberStatus.fromCode(e.getStatus()),
                        isTrue(e.getPaused()),
                        e.getPausedreason(),
                        false,
                        orZero(e.getLastCall())));
        on(
                QueueMemberAddedEvent.class,
                e -> new MemberChanged(
                        at(e),
                        e.getQueue(),
                        memberOf(e.getInterface(), e.getLocation()),
                        MemberStatus.fromCode(e.getStatus()),
                        isTrue(e.getPaused()),
                        e.getPausedReason(),
                        false));
        on(
                QueueMemberRemovedEvent.class,
                e -> new MemberChanged(
                        at(e),
                        e.getQueue(),
                        memberOf(e.getInterface(), e.getLocation()),
                        MemberStatus.UNKNOWN,
                        false,
                        null,
                        true));
        on(
                QueueMemberPauseEvent.class,
                e -> new MemberChanged(
                        at(e),
                        e.getQueue(),
                        memberOf(e.getInterface(), e.getLocation()),
                        MemberStatus.fromCode(e.getStatus()),
                        isTrue(e.getPaused()),
                        firstNonBlank(e.getPausedreason(), e.getReason()),
                        false,
                        orZero(e.getLastcall())));
        onListing(
                CoreShowChannelEvent.class,
                e -> e.getUniqueid() == null
                        ? new Ignored(at(e), "CoreShowChannelEvent without Uniqueid")
                        : new ChannelListed(
                                at(e),
                                e.getUniqueid(),
                                orOwnId(e.getLinkedid(), e.getUniqueid()),
                                e.getChannel(),
                                e.getCallerIdNum(),
                                e.getCallerIdName(),
                                e.getContext(),
                                e.getExten(),
                                isUp(e.getChannelState()),
                                durationSeconds(e.getDuration()),
                                e.getBridgeid(),
                                queueOf(e.getApplication(), e.getApplicationdata())));
        onListingEnd(CoreShowChannelsCompleteEvent.class, e -> new ChannelListComplete(at(e)));
        onListing(
                QueueEntryEvent.class,
                e -> new QueueEntryListed(
                        at(e),
                        e.getQueue(),
                        e.getUniqueId(),
                        orZero(e.getPosition()),
                        e.getWait() == null ? 0 : e.getWait()));
        onListing(
                QueueMemberEvent.class,
                e -> new QueueMemberListed(
                        at(e),
                        e.getQueue(),
                        memberOf(e.getInterface(), e.getLocation()),
                        MemberStatus.fromCode(e.getStatus()),
                        isTrue(e.getPaused()),
                        e.getPausedreason(),
                        orZero(e.getLastCall())));
        on(
                QueueParamsEvent.class,
                e -> e.getQueue() == null
                        ? new Ignored(at(e), "QueueParamsEvent")
                        : new QueueListed(at(e), e.getQueue()));
        onListingEnd(QueueStatusCompleteEvent.class, e -> new QueueListComplete(at(e)));
        on(ConnectEvent.class, e -> new LinkChanged(at(e), true));
        on(DisconnectEvent.class, e -> new LinkChanged(at(e), false));
        on(LinkGivenUpEvent.class, e -> new LinkGivenUp(at(e)));
    }

    @SuppressWarnings("unchecked")
    private <E extends ManagerEvent> void on(Class<E> type, Function<E, PbxEvent> translation) {
        translations.put(type, event -> translation.apply((E) event));
    }

    /** A listing's items count only when they answer a listing request of ours that is still open. */
    private <E extends ResponseEvent> void onListing(Class<E> type, Function<E, PbxEvent> translation) {
        on(type, e -> listings.requested(e.getActionId()) ? translation.apply(e) : unrequested(e));
    }

    /** The end of a listing we asked for reconciles the tracker, once; any other is ignored. */
    private <E extends ResponseEvent> void onListingEnd(Class<E> type, Function<E, PbxEvent> translation) {
        on(type, e -> {
            if (!listings.requested(e.getActionId())) {
                return unrequested(e);
            }
            listings.completed(e.getActionId());
            return translation.apply(e);
        });
    }

    /** The queue a listed channel waits or talks in: the first argument of its {@code Queue} application. */
    static String queueOf(String application, String data) {
        if (!"Queue".equalsIgnoreCase(application) || data == null || data.isBlank()) {
            return null;
        }
        int comma = data.indexOf(',');
        String queue = (comma < 0 ? data : data.substring(0, comma)).trim();
        return queue.isEmpty() ? null : queue;
    }

    private static PbxEvent unrequested(ResponseEvent e) {
        return new Ignored(at(e), "unrequested " + e.getClass().getSimpleName());
    }

    PbxEvent translate(ManagerEvent event) {
        Function<ManagerEvent, PbxEvent> translation = translations.get(event.getClass());
        if (translation == null) {
            return new Ignored(at(event), event.getClass().getSimpleName());
        }
        return translation.apply(event);
    }

    /**
     * VarSet is the most frequent event of all (every dialplan step sets some): the name is checked before
     * anything is made of it, and the variables the call model does not keep are counted as ignored.
     */
    private PbxEvent variableSet(VarSetEvent e) {
        String name = settings.keptVariable(e.getVariable());
        if (name == null) {
            return new Ignored(at(e), "VarSetEvent");
        }
        return new VariableSet(at(e), e.getUniqueId(), name, e.getValue());
    }

    /** Asterisk writes {@code <null>} for the uniqueid of an originate that created no channel. */
    private static String realId(String uniqueid) {
        return uniqueid == null || uniqueid.isBlank() || uniqueid.startsWith("<") ? null : uniqueid;
    }

    /** The PBX's timestamp when it sends one ({@code timestampevents = yes}), else the time the event arrived. */
    static long at(ManagerEvent event) {
        Double timestamp = event.getTimestamp();
        if (timestamp != null) {
            return (long) (timestamp * 1000);
        }
        return event.getDateReceived() != null ? event.getDateReceived().getTime() : System.currentTimeMillis();
    }

    /** A channel without a Linkedid (a mangled frame) is taken as a call of its own, never as part of another. */
    private static String orOwnId(String linkedid, String uniqueid) {
        return linkedid == null || linkedid.isBlank() ? uniqueid : linkedid;
    }

    private static boolean isUp(Integer channelState) {
        return channelState != null && channelState == 6; // AST_STATE_UP
    }

    private static String memberOf(String memberInterface, String fallback) {
        return memberInterface != null ? memberInterface : fallback;
    }

    private static long durationSeconds(String hhmmss) {
        if (hhmmss == null || hhmmss.isBlank()) {
            return 0;
        }
        long seconds = 0;
        for (String part : hhmmss.split(":")) {
            try {
                seconds = seconds * 60 + Long.parseLong(part.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return seconds;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
